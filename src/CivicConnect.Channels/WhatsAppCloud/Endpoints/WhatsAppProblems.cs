using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Channels.WhatsAppCloud.Endpoints;

/// <summary>The RFC 9457 problems the Meta webhook answers with.</summary>
internal static class WhatsAppProblems
{
    public static ProblemHttpResult NotConfigured() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Channel not configured", detail: "The WhatsApp Cloud API channel is not configured on this server.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static ProblemHttpResult TooLarge(int limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: $"A webhook body can be at most {limit / 1024} KB.");

    public static ProblemHttpResult UnsupportedMedia() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send application/json, as Meta does.");

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The webhook is not valid");
}
