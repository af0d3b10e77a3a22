using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Channels;

/// <summary>
/// The RFC 9457 problems a provider's webhook answers with; one instance per provider. Each names
/// the provider in a <c>channel</c> member, so an operator reading a provider's error log knows
/// which webhook refused it.
/// </summary>
/// <param name="code">The channel member, e.g. "twilio".</param>
/// <param name="name">How the detail names the channel, e.g. "The Twilio channel".</param>
/// <param name="contentHint">What to send instead of an unsupported media type.</param>
internal sealed class WebhookProblems(string code, string name, string contentHint)
{
    public static readonly WebhookProblems Twilio = new("twilio", "The Twilio channel", "Send application/x-www-form-urlencoded, as Twilio does.");

    public static readonly WebhookProblems WhatsAppCloud = new("whatsapp-cloud", "The WhatsApp Cloud API channel", "Send application/json, as Meta does.");

    public ProblemHttpResult NotConfigured() => Problem(StatusCodes.Status404NotFound, "Channel not configured", $"{name} is not configured on this server.");

    public ProblemHttpResult Forbidden(string detail) => Problem(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public ProblemHttpResult TooLarge(int limit) => Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"A webhook body can be at most {limit / 1024} KB.");

    public ProblemHttpResult UnsupportedMedia() => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", contentHint);

    public ProblemHttpResult Malformed(string detail) => Problem(StatusCodes.Status400BadRequest, "Malformed body", detail);

    public ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The webhook is not valid", extensions: Channel());

    private ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: Channel());

    private Dictionary<string, object?> Channel() => new(StringComparer.Ordinal) { ["channel"] = code };
}
