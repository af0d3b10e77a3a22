using System.Text.Json;
using CivicConnect.Channels.DirectLine.Auth;
using CivicConnect.Channels.DirectLine.Protocol;
using CivicConnect.Channels.DirectLine.Transcript;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine.Endpoints;

/// <summary>
/// Tokens for clients that hold no secret: the city's web page and the mobile app. They may send a
/// citizen key (<see cref="CitizenKeys"/>) the citizen agreed to keep on the device; a token for
/// that key rejoins the citizen's open conversation. Rate-limited per client address.
/// </summary>
internal static class CitizenTokenEndpoints
{
    private const int MaxRequestBytes = 1024;

    /// <summary>A resumed conversation has at least this much life left, so its token is worth having.</summary>
    private static readonly TimeSpan ResumeMargin = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>POST /api/webchat/token</c> with no body or <c>{}</c>: a token for a new conversation.
    /// With <c>{"citizenKey":"…"}</c>: a token bound to the key's user, for the key's latest open
    /// conversation (<c>"resumed": true</c>) or else a new one that the key will find next time.
    /// </summary>
    public static async Task<Results<Ok<CitizenTokenResponse>, ValidationProblem>> CreateToken(
        HttpRequest request,
        DirectLineTokens tokens,
        DirectLineTranscript transcript,
        IOptions<DirectLineOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var read = await ReadKeyAsync(request, required: false, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        if (read.Key is not { } key)
        {
            var issued = tokens.Issue(ConversationIds.New(), userId: null);
            return TypedResults.Ok(new CitizenTokenResponse(issued.ConversationId, issued.Token, issued.ExpiresInSeconds, Resumed: false));
        }

        var userId = CitizenKeys.UserIdFor(key);
        var openSince = clock.GetUtcNow() - options.Value.MaxConversationLifetime + ResumeMargin;
        var open = await transcript.FindLatestConversationAsync(userId, openSince, cancellationToken);
        var token = open is null ? tokens.Issue(ConversationIds.New(), userId) : tokens.Issue(open.Id, userId, open.StartedAt);
        return TypedResults.Ok(new CitizenTokenResponse(token.ConversationId, token.Token, token.ExpiresInSeconds, Resumed: open is not null));
    }

    /// <summary>
    /// <c>POST /api/webchat/remember</c> (the conversation's token, <c>{"citizenKey":"…"}</c>): the
    /// citizen ticked "Remember this device" with a conversation under way; it is bound to the key,
    /// so a token asked for with the key later rejoins it. Answers a token bound to the key.
    /// 409 when the conversation is already another key's or the app's server named its user.
    /// </summary>
    public static async Task<Results<Ok<CitizenTokenResponse>, ValidationProblem, ProblemHttpResult>> Remember(
        HttpContext context, DirectLineTokens tokens, DirectLineTranscript transcript, CancellationToken cancellationToken)
    {
        var read = await ReadKeyAsync(context.Request, required: true, cancellationToken);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var current = context.DirectLineCaller().Token!;
        var userId = CitizenKeys.UserIdFor(read.Key!);
        if (current.UserId is { } bound && bound != userId)
        {
            return Conflict("This conversation's user was named when its token was issued; it cannot be bound to a key.");
        }

        switch (await transcript.BindToKeyAsync(current.ConversationId, userId, cancellationToken))
        {
            case BindOutcome.NoConversation:
                return DirectLineProblems.ConversationNotFound();
            case BindOutcome.BoundToAnotherKey:
                return Conflict("This conversation is remembered on another device.");
        }

        var issued = tokens.Issue(current.ConversationId, userId, current.ConversationStartedAt);
        return TypedResults.Ok(new CitizenTokenResponse(issued.ConversationId, issued.Token, issued.ExpiresInSeconds, Resumed: true));
    }

    private static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already bound", detail: detail);

    private static async Task<(string? Key, ValidationProblem? Problem)> ReadKeyAsync(HttpRequest request, bool required, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadLimitedAsync(request, MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return (null, Invalid($"The request body is larger than {MaxRequestBytes} bytes."));
        }

        string? key = null;
        if (body.Length > 0)
        {
            try
            {
                key = JsonSerializer.Deserialize<CitizenTokenRequest>(body, JsonSerializerOptions.Web)?.CitizenKey;
            }
            catch (JsonException)
            {
                return (null, Invalid("The body must be JSON like {\"citizenKey\":\"…\"}."));
            }
        }

        if (key is null)
        {
            return required ? (null, Invalid("Send the citizen key to remember.")) : (null, null);
        }

        return CitizenKeys.IsWellFormed(key)
            ? (key, null)
            : (null, Invalid($"The citizen key must be {CitizenKeys.MinLength} to {CitizenKeys.MaxLength} URL-safe base64 characters (at least 128 random bits)."));
    }

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["citizenKey"] = [message] }, title: "The token request is not valid");
}
