namespace CivicConnect.Intelligence.Evaluation;

/// <summary>One answer with its cost.</summary>
/// <param name="Failed">The model gave no usable answer (error, timeout, not JSON, unknown category): the result has no category.</param>
public sealed record MeteredClassification(Classification.Classification Result, int PromptTokens, int CompletionTokens, bool Failed);
