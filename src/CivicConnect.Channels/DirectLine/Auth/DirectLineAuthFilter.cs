using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace CivicConnect.Channels.DirectLine.Auth;

/// <summary>
/// Authenticates Direct Line calls like the Bot Framework service does: <c>Authorization: Bearer</c>
/// with the secret or a token (the stream also takes the token as <c>?t=</c>, since browsers cannot
/// set headers on a WebSocket). A token only opens its own conversation.
/// Status codes follow Direct Line, because clients act on them: no or unknown credentials are
/// 401; an expired token or one for another conversation is 403, which directlinejs reads as
/// "token expired" and refreshes.
/// </summary>
internal static class DirectLineAuthFilter
{
    private const string CallerKey = "CivicConnect.DirectLine.Caller";

    public static TBuilder RequireDirectLineCredentials<TBuilder>(this TBuilder builder, DirectLineCredentials accepted, bool tokenInQuery = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var tokens = http.RequestServices.GetRequiredService<DirectLineTokens>();
            var outcome = Authenticate(http, tokens, accepted, tokenInQuery);
            if (outcome.Problem is { } problem)
            {
                return problem;
            }

            http.Items[CallerKey] = outcome.Caller;
            return await next(context);
        });

    /// <summary>The caller the filter authenticated; only valid on endpoints that carry the filter.</summary>
    public static DirectLineCaller DirectLineCaller(this HttpContext context) =>
        context.Items[CallerKey] as DirectLineCaller ?? throw new InvalidOperationException("The endpoint has no Direct Line authentication filter.");

    private static (DirectLineCaller? Caller, IResult? Problem) Authenticate(HttpContext http, DirectLineTokens tokens, DirectLineCredentials accepted, bool tokenInQuery)
    {
        var bearer = ReadBearer(http.Request) ?? (tokenInQuery ? http.Request.Query["t"].ToString() : null);
        if (string.IsNullOrWhiteSpace(bearer))
        {
            return (null, Unauthorized(http, "Send the Direct Line secret or a token as 'Authorization: Bearer …'."));
        }

        DirectLineCaller caller;
        if (tokens.IsSecret(bearer))
        {
            if (!accepted.HasFlag(DirectLineCredentials.Secret))
            {
                return (null, Forbidden("This call takes a token, not the secret."));
            }

            caller = Auth.DirectLineCaller.Secret;
        }
        else
        {
            var check = tokens.Check(bearer);
            switch (check.Status)
            {
                case TokenStatus.Invalid:
                    return (null, Unauthorized(http, "The secret or token is not valid."));
                case TokenStatus.Expired:
                    return (null, Forbidden("The token has expired; get a new one."));
            }

            if (!accepted.HasFlag(DirectLineCredentials.Token))
            {
                return (null, Forbidden("This call takes the Direct Line secret, not a token."));
            }

            caller = new DirectLineCaller(false, check.Token);
        }

        if (http.Request.RouteValues.TryGetValue("conversationId", out var routeValue) && routeValue is string conversationId)
        {
            if (!caller.MayAccess(conversationId))
            {
                return (null, Forbidden("The token belongs to another conversation."));
            }

            if (!ConversationIds.IsWellFormed(conversationId))
            {
                return (null, TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such conversation"));
            }
        }

        return (caller, null);
    }

    private static string? ReadBearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    private static ProblemHttpResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Not authenticated", detail: detail);
    }

    private static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: detail);
}
