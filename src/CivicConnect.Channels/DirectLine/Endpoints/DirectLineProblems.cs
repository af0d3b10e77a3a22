using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Channels.DirectLine.Endpoints;

/// <summary>The RFC 9457 problems the Direct Line endpoints answer with.</summary>
internal static class DirectLineProblems
{
    public static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too large", detail: detail);

    public static ProblemHttpResult UnsupportedMedia(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: detail);

    public static ProblemHttpResult ConversationNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such conversation", detail: "Start a conversation first.");

    /// <summary>The conversation's stored-bytes quota is spent; it may go on once it has ended (a new conversation then).</summary>
    public static ProblemHttpResult QuotaSpent(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Conversation full",
            detail: "This conversation has stored as much as one conversation may; start a new one later.");
    }

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The activity is not valid");
}
