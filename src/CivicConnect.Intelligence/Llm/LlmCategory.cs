using CivicConnect.Core.Issues;

namespace CivicConnect.Intelligence.Llm;

/// <summary>A category the model may answer with: its code, the description shown in the prompt, and the priority it has by default.</summary>
internal sealed record LlmCategory(string Code, string Description, Priority DefaultPriority);
