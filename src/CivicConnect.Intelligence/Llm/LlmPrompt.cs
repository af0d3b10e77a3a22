using System.Text;
using CivicConnect.Intelligence.Definitions;
using Microsoft.SemanticKernel;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// Renders the definition's Semantic Kernel prompt template (prompts/classify/skprompt.txt) with
/// the categories and the retrieved examples. The citizen's text is data, never instructions: it
/// is put between <see cref="OpenTag"/> and <see cref="CloseTag"/>, and any angle brackets in it
/// are replaced so it can neither close that block early nor open one of its own, whatever the
/// template (a supervisor's draft included) says around it.
/// </summary>
internal static class LlmPrompt
{
    public const string OpenTag = "<citizen_report>";
    public const string CloseTag = "</citizen_report>";

    private static readonly KernelPromptTemplateFactory Factory = new() { AllowDangerouslySetContent = true };
    private static readonly Kernel Kernel = new();

    public static async Task<string> RenderAsync(
        ClassifierDefinition definition,
        IReadOnlyList<LlmCategory> categories,
        IReadOnlyList<LabelledExample> examples,
        string message,
        string locale,
        CancellationToken cancellationToken)
    {
        var lines = new StringBuilder();
        foreach (var category in categories)
        {
            lines.Append("- ").Append(category.Code).Append(": ").AppendLine(category.Description);
        }

        var shots = new StringBuilder();
        foreach (var example in examples)
        {
            shots.Append("- \"").Append(Quoted(example.Text).Replace('"', '\'')).Append("\" => ").AppendLine(example.CategoryCode);
        }

        // The rendered text is sent as one user message, never parsed as chat markup, so the
        // values go in verbatim instead of HTML-encoded.
        var config = new PromptTemplateConfig(definition.PromptTemplate) { AllowDangerouslySetContent = true };
        var template = Factory.Create(config);
        var rendered = await template.RenderAsync(Kernel, new KernelArguments
        {
            ["categories"] = lines.ToString().TrimEnd(),
            ["examples"] = shots.ToString().TrimEnd(),
            ["locale"] = locale,
            ["message"] = $"{OpenTag}\n{Quoted(message)}\n{CloseTag}",
        }, cancellationToken);

        // A template that forgot the message still sends the report (inside its block).
        return rendered.Contains(OpenTag, StringComparison.Ordinal) ? rendered : $"{rendered.TrimEnd()}\n\n{OpenTag}\n{Quoted(message)}\n{CloseTag}";
    }

    /// <summary>Text from the public with its angle brackets made harmless (‹ ›), so no tag in it is read as one.</summary>
    public static string Quoted(string text) => text.Replace('<', '‹').Replace('>', '›');
}
