using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// Asks an OpenAI-compatible model through Semantic Kernel, with the category list and the most
/// similar labelled examples in the prompt. The embedded answer is always computed first and is
/// what the citizen gets whenever the model's answer is missing, late, malformed or names a
/// category that is not active: the LLM can only improve a reply, never block one. How far its
/// answer is believed is decided in <see cref="LlmAnswerRules"/>.
/// </summary>
public sealed partial class LlmClassifier(
    EmbeddedClassifier embedded,
    IClassifierDefinitionSource definitions,
    EmbeddingModelCache models,
    ITextEmbedder embedder,
    ICategoryDirectory categories,
    LlmChat chat,
    LlmCallBudget budget,
    IOptions<LlmOptions> options,
    ILogger<LlmClassifier> logger) : IClassifier
{
    public async Task<Classification.Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        var fallback = await embedded.ClassifyAsync(input, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Text) && (!options.Value.SupportsVision || input.PhotoPaths.Count == 0))
        {
            return fallback;
        }

        if (input.ConversationId is { } conversation && !budget.TryTake(conversation))
        {
            LogOverBudget(logger, options.Value.MaxCallsPerConversationPerDay);
            return fallback;
        }

        try
        {
            var definition = await definitions.GetCurrentAsync(cancellationToken);
            var active = (await categories.GetActiveAsync(cancellationToken))
                .Select(c => new LlmCategory(c.Code, definition.Find(c.Code)?.DescriptionFor(input.Locale) ?? c.Description.GetValueOrDefault(input.Locale) ?? c.Code, c.DefaultPriority))
                .ToList();
            var outcome = await LlmQuestion.AskAsync(chat, options.Value, models.Get(definition), embedder, active, input, cancellationToken);
            if (outcome.Answer is not { } answer || outcome.Category is not { } category)
            {
                LogRefused(logger, outcome.Refusal ?? "no answer");
                return fallback;
            }

            return LlmAnswerRules.Apply(answer, category, fallback, input.Text, options.Value);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Timeouts (Polly), 429, 5xx, connection refused: all end here.
            LogFailed(logger, ex.GetType().Name, ex.Message);
            return fallback;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM classifier answer refused ({Reason}); using the embedded classifier")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A conversation used its {Budget} LLM calls for the day; the embedded classifier answers alone")]
    private static partial void LogOverBudget(ILogger logger, int budget);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM classifier failed ({Error}: {Detail}); using the embedded classifier")]
    private static partial void LogFailed(ILogger logger, string error, string detail);
}
