using System.Text;
using CivicConnect.Intelligence.Categories;
using CivicConnect.Intelligence.Definitions;
using Microsoft.SemanticKernel;

namespace CivicConnect.Intelligence.Llm;

/// <summary>
/// Renders the definition's Semantic Kernel prompt template (prompts/classify/skprompt.txt) with
/// the active categories and the retrieved examples.
/// </summary>
internal static class LlmPrompt
{
    private static readonly KernelPromptTemplateFactory Factory = new() { AllowDangerouslySetContent = true };
    private static readonly Kernel Kernel = new();

    public static async Task<string> RenderAsync(
        ClassifierDefinition definition,
        IReadOnlyList<CategoryInfo> active,
        IReadOnlyList<LabelledExample> examples,
        string message,
        string locale,
        CancellationToken cancellationToken)
    {
        var categories = new StringBuilder();
        foreach (var category in active)
        {
            var description = definition.Find(category.Code)?.DescriptionFor(locale) ?? category.Description.GetValueOrDefault(locale) ?? category.Code;
            categories.Append("- ").Append(category.Code).Append(": ").AppendLine(description);
        }

        var shots = new StringBuilder();
        foreach (var example in examples)
        {
            shots.Append("- \"").Append(example.Text.Replace('"', '\'')).Append("\" => ").AppendLine(example.CategoryCode);
        }

        // The rendered text is sent as one user message, never parsed as chat markup, so the
        // values go in verbatim instead of HTML-encoded.
        var config = new PromptTemplateConfig(definition.PromptTemplate) { AllowDangerouslySetContent = true };
        var template = Factory.Create(config);
        return await template.RenderAsync(Kernel, new KernelArguments
        {
            ["categories"] = categories.ToString().TrimEnd(),
            ["examples"] = shots.ToString().TrimEnd(),
            ["locale"] = locale,
            ["message"] = message,
        }, cancellationToken);
    }
}
