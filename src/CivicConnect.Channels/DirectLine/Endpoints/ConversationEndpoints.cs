using System.Text.Json;
using CivicConnect.Channels.DirectLine.Auth;
using CivicConnect.Channels.DirectLine.Protocol;
using CivicConnect.Channels.DirectLine.Transcript;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Channels.DirectLine.Endpoints;

internal static class ConversationEndpoints
{
    private const int MaxRequestBytes = 4 * 1024;

    /// <summary>
    /// <c>POST /v3/directline/conversations</c>. With the secret: a new conversation and a token for
    /// it. With a token: starts the token's conversation (201), or answers again for one already
    /// started (200), as Direct Line does.
    /// </summary>
    public static async Task<Results<Created<ConversationResponse>, Ok<ConversationResponse>>> StartConversation(
        HttpContext context, DirectLineTokens tokens, DirectLineTranscript transcript, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = context.DirectLineCaller();
        var requestedUser = await RequestedUserAsync(context.Request, cancellationToken);
        if (!caller.IsSecret)
        {
            requestedUser = CitizenKeys.FromClient(requestedUser); // only a key's token may name a key's user
        }

        var token = caller.IsSecret ? tokens.Issue(ConversationIds.New(), requestedUser) : caller.Token!;
        var created = await transcript.EnsureConversationAsync(token.ConversationId, token.UserId ?? requestedUser, cancellationToken);
        var response = Describe(context.Request, token, clock, watermark: null);
        return created
            ? TypedResults.Created($"{context.Request.PathBase}/v3/directline/conversations/{token.ConversationId}", response)
            : TypedResults.Ok(response);
    }

    /// <summary><c>GET /v3/directline/conversations/{id}?watermark=</c>: reconnect; a fresh stream URL that resumes after the watermark.</summary>
    public static async Task<Results<Ok<ConversationResponse>, ProblemHttpResult>> GetConversation(
        string conversationId, string? watermark, HttpContext context, DirectLineTokens tokens, DirectLineTranscript transcript, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lookup = await transcript.FindConversationAsync(conversationId, cancellationToken);
        if (!lookup.Exists)
        {
            return DirectLineProblems.ConversationNotFound();
        }

        var caller = context.DirectLineCaller();
        var token = caller.Token ?? tokens.Issue(conversationId, lookup.UserId);
        return TypedResults.Ok(Describe(context.Request, token, clock, watermark));
    }

    private static ConversationResponse Describe(HttpRequest request, IssuedToken token, TimeProvider clock, string? watermark)
    {
        var expiresIn = (int)Math.Max(0, (token.ExpiresAt - clock.GetUtcNow()).TotalSeconds);
        return new ConversationResponse(token.ConversationId, token.Token, expiresIn, StreamUrls.For(request, token.ConversationId, token.Token, watermark));
    }

    /// <summary>directlinejs sends <c>{"user":{"id":…},"locale":…}</c> when it starts a conversation; the user id is kept if usable.</summary>
    private static async Task<string?> RequestedUserAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadLimitedAsync(request, MaxRequestBytes, cancellationToken);
        if (body is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            var id = JsonSerializer.Deserialize<TokenRequest>(body, JsonSerializerOptions.Web)?.User?.Id;
            return id is { Length: > 0 and <= 200 } ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
