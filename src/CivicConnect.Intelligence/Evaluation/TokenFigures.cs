namespace CivicConnect.Intelligence.Evaluation;

/// <summary>What a run through a model cost, from the <c>usage</c> object of each answer.</summary>
/// <param name="Asked">Messages sent to the model.</param>
/// <param name="Failed">Of those, how many got no usable answer (counted as unanswered in the report).</param>
public sealed record TokenFigures(int Asked, int Failed, long PromptTokens, long CompletionTokens)
{
    public double PromptTokensPerMessage => Asked == 0 ? 0 : PromptTokens / (double)Asked;

    public double CompletionTokensPerMessage => Asked == 0 ? 0 : CompletionTokens / (double)Asked;
}
