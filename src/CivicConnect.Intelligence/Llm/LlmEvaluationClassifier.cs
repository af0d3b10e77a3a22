using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// The LLM path for one fixed definition (a draft, a published version, a folder on disk), as
/// evaluation runs it: the definition's own prompt template and examples, the same question and
/// the same <see cref="LlmAnswerRules"/> as the live classifier. Unlike the live one it does not
/// fall back to the embedded answer: what is measured is the model, so a failed call (error,
/// timeout, no JSON, unknown category) is an unanswered message, and its tokens are reported.
/// </summary>
public sealed class LlmEvaluationClassifier : IMeteredClassifier
{
    private readonly LlmChat chat;
    private readonly LlmOptions settings;
    private readonly EmbeddingClassifierModel model;
    private readonly ITextEmbedder embedder;
    private readonly IReadOnlySet<string>? active;

    internal LlmEvaluationClassifier(LlmChat chat, LlmOptions settings, EmbeddingClassifierModel model, ITextEmbedder embedder, IReadOnlySet<string>? active)
    {
        this.chat = chat;
        this.settings = settings;
        this.model = model;
        this.embedder = embedder;
        this.active = active;
    }

    public async Task<Classification.Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken) =>
        (await ClassifyMeteredAsync(input, cancellationToken)).Result;

    public async Task<MeteredClassification> ClassifyMeteredAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        // The embedded answer is what the rules weigh the model's against (agreement, urgency cues).
        var embedded = model.Classify(input.Text, text => embedder.Embed([text], cancellationToken)[0]);
        if (active is not null)
        {
            embedded = EmbeddedClassifier.OnlyActive(embedded, active);
        }

        var unanswered = new Classification.Classification(null, 0, [], null, embedded.LocationText);
        var categories = model.Definition.Categories
            .Where(c => active is null || active.Contains(c.Code))
            .Select(c => new LlmCategory(c.Code, c.DescriptionFor(input.Locale), c.DefaultPriority))
            .ToList();
        LlmOutcome outcome;
        try
        {
            outcome = await LlmQuestion.AskAsync(chat, settings, model, embedder, categories, input, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Timeout, 429, 5xx, refused connection: no answer, nothing billed that we can see.
            return new MeteredClassification(unanswered, 0, 0, Failed: true);
        }

        var (prompt, completion) = (outcome.Reply.PromptTokens, outcome.Reply.CompletionTokens);
        return outcome.Answer is { } answer && outcome.Category is { } category
            ? new MeteredClassification(LlmAnswerRules.Apply(answer, category, embedded, input.Text, settings), prompt, completion, Failed: false)
            : new MeteredClassification(unanswered, prompt, completion, Failed: true);
    }
}
