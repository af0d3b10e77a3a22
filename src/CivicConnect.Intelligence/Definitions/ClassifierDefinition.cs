using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;

namespace CivicConnect.Intelligence.Definitions;

/// <summary>
/// Everything the classifier learns from, as one immutable unit that a supervisor versions:
/// what each category means, the labelled examples, and the LLM prompt template. Any definition
/// (the shipped one, a published version, a draft under evaluation) can be turned into a working
/// classifier, so a change can be measured before anyone relies on it. JSON-serialisable as is.
/// </summary>
/// <param name="Version">Monotonic version number; 0 for the files shipped in <c>prompts/</c>.</param>
/// <param name="Label">Human label ("shipped", "v12 draft: more French examples").</param>
/// <param name="PromptTemplate">Semantic Kernel prompt template text (the LLM path's <c>skprompt.txt</c>).</param>
public sealed record ClassifierDefinition(
    int Version,
    string Label,
    IReadOnlyList<CategoryDefinition> Categories,
    IReadOnlyList<LabelledExample> Examples,
    string PromptTemplate)
{
    public CategoryDefinition? Find(string code) =>
        Categories.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <param name="Description">Per locale ("en", "fr"): what belongs here and what does not.</param>
/// <param name="UrgentPhrases">Per locale: wordings that make a report of this category urgent ("water gushing").</param>
public sealed record CategoryDefinition(
    string Code,
    IReadOnlyDictionary<string, string> Description,
    Priority DefaultPriority,
    IReadOnlyDictionary<string, IReadOnlyList<string>> UrgentPhrases)
{
    public string DescriptionFor(string locale) =>
        Description.TryGetValue(locale, out var text) ? text : Description.TryGetValue("en", out var en) ? en : Description.Values.FirstOrDefault() ?? Code;
}

/// <summary>One message a citizen might send, with the category (and optionally the priority) it should get.</summary>
public sealed record LabelledExample(string Text, string Locale, string CategoryCode, Priority? ExpectedPriority = null);
