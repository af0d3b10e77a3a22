using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// One question to the model about one report: the definition's prompt template rendered with
/// the categories and the most similar examples, photos when the model sees images, and the
/// reply validated. Shared by the live classifier and the evaluation, so both ask the same way.
/// </summary>
internal static class LlmQuestion
{
    public const int MaxTextLength = 2000;

    public static async Task<LlmOutcome> AskAsync(
        LlmChat chat,
        LlmOptions settings,
        EmbeddingClassifierModel model,
        ITextEmbedder embedder,
        IReadOnlyList<LlmCategory> categories,
        ClassificationInput input,
        CancellationToken cancellationToken)
    {
        var text = input.Text?.Trim() ?? string.Empty;
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength];
        }

        var examples = text.Length == 0 || settings.Examples == 0
            ? []
            : model.Nearest(embedder.Embed([model.PrepareForEmbedding(text)], cancellationToken)[0], settings.Examples);
        var prompt = await LlmPrompt.RenderAsync(model.Definition, categories, examples, text, input.Locale, cancellationToken);
        var content = new ChatMessageContentItemCollection { new TextContent(prompt) };
        if (settings.SupportsVision)
        {
            foreach (var photo in input.PhotoPaths.Where(File.Exists).Where(p => new FileInfo(p).Length <= settings.MaxPhotoMegabytes * 1024L * 1024L).Take(3))
            {
                content.Add(new ImageContent(await File.ReadAllBytesAsync(photo, cancellationToken), MimeType(photo)));
            }
        }

        var reply = await chat.AskAsync(content, cancellationToken);
        var answer = LlmAnswer.Parse(reply.Content);
        if (answer is null)
        {
            return new LlmOutcome(null, null, reply, "no JSON object");
        }

        var category = answer.Category is { } code ? categories.FirstOrDefault(c => string.Equals(c.Code, code.Trim(), StringComparison.OrdinalIgnoreCase)) : null;
        return category is null
            ? new LlmOutcome(answer, null, reply, $"unknown category '{answer.Category}'")
            : new LlmOutcome(answer, category, reply, null);
    }

    private static string MimeType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".webp" => "image/webp",
        ".gif" => "image/gif",
        _ => "image/jpeg",
    };
}
