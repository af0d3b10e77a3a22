using System.Text.Json;
using CivicConnect.Channels.DirectLine.Auth;
using CivicConnect.Channels.DirectLine.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine.Endpoints;

internal static class TokenEndpoints
{
    private const int MaxRequestBytes = 4 * 1024;
    private const int MaxUserIdLength = 200;

    /// <summary><c>POST /v3/directline/tokens/generate</c> (secret): a token for a new conversation, optionally bound to a user id.</summary>
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem>> GenerateToken(HttpRequest request, DirectLineTokens tokens, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadLimitedAsync(request, MaxRequestBytes, cancellationToken);
        string? userId = null;
        if (body is null)
        {
            return DirectLineProblems.Invalid(new Dictionary<string, string[]> { ["user"] = ["The request body is too large."] });
        }

        if (body.Length > 0)
        {
            try
            {
                userId = JsonSerializer.Deserialize<TokenRequest>(body, JsonSerializerOptions.Web)?.User?.Id;
            }
            catch (JsonException)
            {
                return DirectLineProblems.Invalid(new Dictionary<string, string[]> { ["user"] = ["The body must be JSON like {\"user\":{\"id\":\"dl_123\"}}."] });
            }

            if (userId is { Length: 0 or > MaxUserIdLength })
            {
                return DirectLineProblems.Invalid(new Dictionary<string, string[]> { ["user.id"] = [$"The user id must be 1 to {MaxUserIdLength} characters."] });
            }
        }

        var issued = tokens.Issue(ConversationIds.New(), userId);
        return TypedResults.Ok(new TokenResponse(issued.ConversationId, issued.Token, issued.ExpiresInSeconds));
    }

    /// <summary>
    /// <c>POST /v3/directline/tokens/refresh</c> (token): the same conversation, a later expiry, but
    /// never past <see cref="DirectLineOptions.MaxConversationLifetime"/> from its start: then a
    /// 403 problem (waiting would not help, so no 429) and the client starts a new conversation.
    /// </summary>
    public static Results<Ok<TokenResponse>, ProblemHttpResult> RefreshToken(HttpContext context, DirectLineTokens tokens, IOptions<DirectLineOptions> options, TimeProvider clock)
    {
        var current = context.DirectLineCaller().Token!;
        var maximum = options.Value.MaxConversationLifetime;
        if (clock.GetUtcNow() >= current.ConversationStartedAt + maximum - TimeSpan.FromMinutes(1))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Conversation too old",
                detail: $"A conversation lasts at most {maximum.TotalHours:0.#} hours; start a new one.");
        }

        var issued = tokens.Issue(current.ConversationId, current.UserId, current.ConversationStartedAt);
        return TypedResults.Ok(new TokenResponse(issued.ConversationId, issued.Token, issued.ExpiresInSeconds));
    }
}
