using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// Asks an OpenAI-compatible model through Semantic Kernel, with the category list and the most
/// similar labelled examples in the prompt. The embedded answer is always computed first and is
/// what the citizen gets whenever the model's answer is missing, late, malformed or names a
/// category that is not active: the LLM can only improve a reply, never block one.
/// </summary>
public sealed partial class LlmClassifier(
    EmbeddedClassifier embedded,
    IClassifierDefinitionSource definitions,
    EmbeddingModelCache models,
    ITextEmbedder embedder,
    ICategoryDirectory categories,
    IHttpClientFactory httpClients,
    IOptions<LlmOptions> options,
    ILogger<LlmClassifier> logger) : IClassifier
{
    public const string HttpClientName = "llm-classify";

    // The custom-endpoint constructor (any OpenAI-compatible server) is marked experimental in SK 1.82.
#pragma warning disable SKEXP0010
    private readonly Lazy<IChatCompletionService> chat = new(() => new OpenAIChatCompletionService(
        options.Value.Model!,
        options.Value.Endpoint!,
        options.Value.ApiKey,
        httpClient: httpClients.CreateClient(HttpClientName)));
#pragma warning restore SKEXP0010

    public async Task<Classification.Classification> ClassifyAsync(ClassificationInput input, CancellationToken cancellationToken)
    {
        var fallback = await embedded.ClassifyAsync(input, cancellationToken);
        if (string.IsNullOrWhiteSpace(input.Text) && (!options.Value.SupportsVision || input.PhotoPaths.Count == 0))
        {
            return fallback;
        }

        try
        {
            var active = await categories.GetActiveAsync(cancellationToken);
            var answer = await AskAsync(input, active, cancellationToken);
            var category = answer?.Category is { } code ? active.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)) : null;
            if (answer is null || category is null)
            {
                LogRefused(logger, answer is null ? "no JSON object" : $"unknown category '{answer.Category}'");
                return fallback;
            }

            var confidence = Math.Clamp(answer.Confidence ?? 0.8, 0, 1);
            var priority = Enum.TryParse<Priority>(answer.Priority, ignoreCase: true, out var p) ? p : fallback.Priority ?? category.DefaultPriority;
            var candidates = new[] { new CategoryScore(category.Code, confidence) }.Concat(fallback.Candidates.Where(c => c.Code != category.Code)).ToList();
            var location = string.IsNullOrWhiteSpace(answer.LocationText) || answer.LocationText == "null" ? fallback.LocationText : answer.LocationText.Trim();
            return new Classification.Classification(category.Code, confidence, candidates, priority, location);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Timeouts (Polly), 429, 5xx, connection refused: all end here.
            LogFailed(logger, ex.GetType().Name, ex.Message);
            return fallback;
        }
    }

    private async Task<LlmAnswer?> AskAsync(ClassificationInput input, IReadOnlyList<CategoryInfo> active, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var definition = await definitions.GetCurrentAsync(cancellationToken);
        var text = input.Text?.Trim() ?? string.Empty;
        if (text.Length > 2000)
        {
            text = text[..2000];
        }

        var examples = text.Length == 0 || settings.Examples == 0
            ? []
            : models.Get(definition).Nearest(embedder.Embed([text], cancellationToken)[0], settings.Examples);
        var prompt = await LlmPrompt.RenderAsync(definition, active, examples, text, input.Locale, cancellationToken);
        var content = new ChatMessageContentItemCollection { new TextContent(prompt) };
        if (settings.SupportsVision)
        {
            foreach (var photo in input.PhotoPaths.Where(File.Exists).Where(p => new FileInfo(p).Length <= settings.MaxPhotoMegabytes * 1024L * 1024L).Take(3))
            {
                content.Add(new ImageContent(await File.ReadAllBytesAsync(photo, cancellationToken), MimeType(photo)));
            }
        }

        var history = new ChatHistory();
        history.AddUserMessage(content);
        var execution = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = 200, ResponseFormat = "json_object" };
        var reply = await chat.Value.GetChatMessageContentAsync(history, execution, kernel: null, cancellationToken);
        return LlmAnswer.Parse(reply.Content);
    }

    private static string MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "image/jpeg",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM classifier answer refused ({Reason}); using the embedded classifier")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM classifier failed ({Error}: {Detail}); using the embedded classifier")]
    private static partial void LogFailed(ILogger logger, string error, string detail);
}
