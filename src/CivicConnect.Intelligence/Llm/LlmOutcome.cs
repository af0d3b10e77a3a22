namespace CivicConnect.Intelligence.Llm;

/// <summary>The model's reply and what was made of it.</summary>
/// <param name="Category">The answer's category when it is one of the offered ones; null with a <paramref name="Refusal"/> otherwise.</param>
internal sealed record LlmOutcome(LlmAnswer? Answer, LlmCategory? Category, LlmReply Reply, string? Refusal);
