using CivicConnect.Intelligence.Evaluation;
using CivicConnect.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Admin;

/// <summary>The <c>?mode=embedded|llm</c> of the evaluation endpoints.</summary>
internal static class EvaluationModeQuery
{
    public static EvaluationMode Parse(string? mode) =>
        string.IsNullOrWhiteSpace(mode) ? EvaluationMode.Embedded
        : Enum.TryParse<EvaluationMode>(mode.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw RequestValidationException.For("mode", "'embedded' (the default) or 'llm'.");

    /// <summary>Asked for the LLM where none is configured: a conflict with the node's configuration, not a bad request.</summary>
    public static ProblemHttpResult NoLlm() =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "No LLM configured", detail: "Set Classifier:Llm:Endpoint and Classifier:Llm:Model to evaluate through a language model.");
}
