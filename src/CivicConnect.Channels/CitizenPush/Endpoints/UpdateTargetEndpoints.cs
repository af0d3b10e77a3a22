using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CivicConnect.Channels.CitizenPush.Fcm;
using CivicConnect.Channels.CitizenPush.WebPush;
using CivicConnect.Core.Messages;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Recipients;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.CitizenPush.Endpoints;

/// <summary>
/// Where a web or app conversation's status updates should also go: the browser's push
/// subscription (the page's PushSubscription.toJSON()) or the app's FCM registration token.
/// The Direct Line token names the conversation; the conversation must have begun (a report is
/// what is followed). Bad input is a 400 with field errors, and nothing is stored.
/// </summary>
internal static partial class UpdateTargetEndpoints
{
    public static Results<Ok<PushKey>, ProblemHttpResult> GetPushKey(IOptions<WebPushOptions> options) =>
        options.Value.IsConfigured
            ? TypedResults.Ok(new PushKey(options.Value.PublicKey!))
            : NotConfigured("Browser notifications");

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> PutWebPush(
        string conversationId, WebPushSubscriptionBody? body, CivicDbContext db, UpdateTargets targets, IOptions<WebPushOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            return NotConfigured("Browser notifications");
        }

        var errors = new Dictionary<string, string[]>();
        if (!settings.AcceptsEndpoint(body?.Endpoint) || body!.Endpoint!.Length > 2000)
        {
            errors["endpoint"] = ["The endpoint must be the https URL of a browser push service."];
        }

        if (WebPushKeys.Decode(body?.Keys?.P256dh) is not { Length: 65 } point || point[0] != 4)
        {
            errors["keys.p256dh"] = ["p256dh must be the browser's P-256 public key, base64url (65 bytes)."];
        }

        if (WebPushKeys.Decode(body?.Keys?.Auth) is not { Length: 16 })
        {
            errors["keys.auth"] = ["auth must be the browser's 16-byte secret, base64url."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The push subscription is not valid");
        }

        if (await ConversationAsync(db, conversationId, cancellationToken) is not { } conversation)
        {
            return NotStarted();
        }

        await targets.RegisterAsync(conversation, UpdateTargetKinds.WebPush, body!.Endpoint!, body.Keys!.P256dh!.Trim(), body.Keys.Auth!.Trim(), cancellationToken);
        return TypedResults.NoContent();
    }

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteWebPush(string conversationId, string? endpoint, CivicDbContext db, UpdateTargets targets, CancellationToken cancellationToken) =>
        RemoveAsync(conversationId, UpdateTargetKinds.WebPush, endpoint, db, targets, cancellationToken);

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> PutFcm(
        string conversationId, FcmTokenBody? body, CivicDbContext db, UpdateTargets targets, IOptions<FcmOptions> options, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return NotConfigured("App notifications");
        }

        if (body?.Token is not { } token || !FcmToken().IsMatch(token))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["token must be the app's FCM registration token."] }, title: "The FCM token is not valid");
        }

        if (await ConversationAsync(db, conversationId, cancellationToken) is not { } conversation)
        {
            return NotStarted();
        }

        await targets.RegisterAsync(conversation, UpdateTargetKinds.Fcm, token, cancellationToken: cancellationToken);
        return TypedResults.NoContent();
    }

    public static Task<Results<NoContent, ProblemHttpResult>> DeleteFcm(string conversationId, string? token, CivicDbContext db, UpdateTargets targets, CancellationToken cancellationToken) =>
        RemoveAsync(conversationId, UpdateTargetKinds.Fcm, token, db, targets, cancellationToken);

    /// <summary>The citizen (or the app) withdrew a target; one already gone is no error.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string conversationId, string kind, string? address, CivicDbContext db, UpdateTargets targets, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(address) || await ConversationAsync(db, conversationId, cancellationToken) is not { } conversation)
        {
            return NotStarted();
        }

        await targets.RemoveAsync(conversation, kind, address, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Our conversation behind the Direct Line one, once it has had a turn; an erased one is gone (its address changed).</summary>
    private static async Task<Guid?> ConversationAsync(CivicDbContext db, string conversationId, CancellationToken cancellationToken) =>
        await db.Conversations.AsNoTracking()
            .Where(c => c.Channel == ChannelIds.DirectLine && c.Address == conversationId)
            .Select(c => (Guid?)c.Id)
            .SingleOrDefaultAsync(cancellationToken);

    private static ProblemHttpResult NotStarted() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such conversation", detail: "Updates follow a conversation that has begun; say something first.");

    private static ProblemHttpResult NotConfigured(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not offered", detail: $"{what} are not configured on this service.");

    [GeneratedRegex(@"^[A-Za-z0-9_:\-]{20,4096}$")]
    private static partial Regex FcmToken();
}

public sealed record PushKey([property: JsonPropertyName("publicKey")] string PublicKey);

/// <summary>What PushSubscription.toJSON() gives in the browser.</summary>
public sealed record WebPushSubscriptionBody(
    [property: JsonPropertyName("endpoint")] string? Endpoint,
    [property: JsonPropertyName("keys")] WebPushKeysBody? Keys);

public sealed record WebPushKeysBody(
    [property: JsonPropertyName("p256dh")] string? P256dh,
    [property: JsonPropertyName("auth")] string? Auth);

public sealed record FcmTokenBody([property: JsonPropertyName("token")] string? Token);
