using CivicConnect.Core.Issues;
using CivicConnect.Core.Text;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;

namespace CivicConnect.Benchmarks.Conversation;

/// <summary>
/// A keyword classifier for measuring the dialog engine alone: the words citizens use for each
/// category (seed data, every locale) scored as whole-phrase matches; longer phrases weigh more.
/// Deterministic and fast, so the benchmark times the engine and not the embedding model; the
/// service itself classifies with the embedded (and optionally LLM) classifier.
/// </summary>
public sealed class KeywordClassifier(ICategoryDirectory categories) : IClassifier
{
    public async Task<Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        var text = TextNormalizer.Normalize(input.Text);
        var active = await categories.GetActiveAsync(cancellationToken);
        if (text.Length == 0)
        {
            return new Classification(null, 0, [], null, null);
        }

        var scores = new List<CategoryScore>();
        foreach (var category in active)
        {
            var score = category.Keywords.Values
                .SelectMany(words => words)
                .Where(word => TextNormalizer.ContainsPhrase(text, word))
                .Sum(word => 1.0 + (0.5 * word.Count(c => c == ' ')));
            if (score > 0)
            {
                scores.Add(new CategoryScore(category.Code, score));
            }
        }

        var ranked = scores.OrderByDescending(s => s.Score).ThenBy(s => active.First(c => c.Code == s.Code).SortOrder).ToList();
        var location = LocationTextExtractor.Extract(input.Text);
        if (ranked.Count == 0)
        {
            return new Classification(null, 0, [], null, location);
        }

        var best = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Score : 0;

        // One clear keyword gives ~0.67, two ~0.8; a tie between categories stays below 0.5.
        var confidence = best.Score / (best.Score + runnerUp + 0.5);
        var winner = active.First(c => c.Code == best.Code);
        var urgent = winner.UrgentKeywords.Values.SelectMany(w => w).Any(w => TextNormalizer.ContainsPhrase(text, w));
        var candidates = ranked.Select(s => s with { Score = s.Score / (ranked.Sum(r => r.Score) + 0.5) }).ToList();
        return new Classification(best.Code, confidence, candidates, urgent ? Priority.Urgent : winner.DefaultPriority, location);
    }
}
