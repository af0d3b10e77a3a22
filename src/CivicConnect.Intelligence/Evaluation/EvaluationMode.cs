namespace CivicConnect.Intelligence.Evaluation;

/// <summary>Which classifier a labelled set is run through.</summary>
public enum EvaluationMode
{
    /// <summary>The embedded model alone (no network, no cost): what the publish gate measures.</summary>
    Embedded,

    /// <summary>The configured LLM, with the definition's prompt template; a failed call counts as unanswered.</summary>
    Llm,
}
