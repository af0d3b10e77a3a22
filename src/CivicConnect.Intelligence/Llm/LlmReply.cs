namespace CivicConnect.Intelligence.Llm;

/// <summary>What the model sent back: the assistant message and the tokens the endpoint billed (its <c>usage</c> object).</summary>
/// <param name="PromptTokens">0 when the endpoint reported no usage (some local servers omit it).</param>
public sealed record LlmReply(string? Content, int PromptTokens, int CompletionTokens);
