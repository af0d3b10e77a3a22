using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CivicConnect.Channels.DirectLine.Auth;
using CivicConnect.Channels.DirectLine.Transcript;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Inbox;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Channels.DirectLine.Inbound;

/// <summary>
/// What happens to a checked user activity: it gets its server fields, goes into the transcript
/// (so the client sees its own message echoed with the server id) and, if it is a message, is
/// handed to the inbox as a channel-neutral <see cref="Activity"/>. The page's join event reaches
/// the engine as a conversation start so a new chat opens with a
/// greeting; like a message it is echoed into the transcript, where Web Chat waits for it. Typing, other events and the like are acknowledged and dropped.
/// </summary>
internal sealed class DirectLineActivityIntake(DirectLineTranscript transcript, IServiceProvider services, BotIdentity bot, TimeProvider clock)
{
    public async Task<string> AcceptAsync(
        string conversationId,
        DirectLineCaller caller,
        IncomingActivity incoming,
        IReadOnlyList<ActivityAttachment> attachments,
        string? fallbackUserId,
        CancellationToken cancellationToken)
    {
        // A Web Chat retry of the same message carries the same clientActivityID: same server id, stored once.
        var id = conversationId + "|" + ClientPart(conversationId, incoming.ClientActivityId);
        if (!incoming.IsMessage && !incoming.IsJoin)
        {
            return id;
        }

        // A client may name itself, but never as a citizen key's user: only a token bound to the key does.
        var userId = caller.BoundUserId ?? CitizenKeys.FromClient(incoming.FromId ?? fallbackUserId) ?? "user";
        await transcript.EnsureConversationAsync(conversationId, userId, cancellationToken);

        var now = clock.GetUtcNow();
        var json = incoming.Json;
        json["id"] = id;
        json["type"] = incoming.IsJoin ? "event" : IncomingActivity.MessageType;
        json["timestamp"] = now.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        json["channelId"] = ChannelIds.DirectLine;
        json["conversation"] = new JsonObject { ["id"] = conversationId };
        json["from"] = incoming.FromName is { } name
            ? new JsonObject { ["id"] = userId, ["name"] = name, ["role"] = "user" }
            : new JsonObject { ["id"] = userId, ["role"] = "user" };
        json["recipient"] = new JsonObject { ["id"] = BotIdentity.Id, ["name"] = bot.Name, ["role"] = "bot" };
        await transcript.AppendAsync(conversationId, id, fromBot: false, json.ToJsonString(), cancellationToken);

        var activity = new Activity(
            id,
            ChannelIds.DirectLine,
            conversationId,
            incoming.IsJoin ? null : incoming.Text,
            incoming.IsJoin ? [] : attachments,
            incoming.IsJoin ? null : incoming.Location,
            incoming.Locale,
            now,
            incoming.FromName,
            incoming.IsJoin ? ActivityKind.ConversationStart : ActivityKind.Message);

        // Not the request's token: once the echo is in the transcript the message must reach the
        // inbox even if the client hangs up now (the inbox recognises a retry by its id).
        await Inbound().AcceptAsync(activity, CancellationToken.None);
        return id;
    }

    /// <summary>
    /// Resolved when a message arrives rather than injected: the inbox part registers it, and a node
    /// (or a test host validating its container on build) must still start where it is absent.
    /// </summary>
    private IInbound Inbound() =>
        services.GetService<IInbound>() ?? throw new InvalidOperationException("No IInbound is registered: the inbox part must be added for Direct Line messages to be processed.");

    /// <summary>
    /// The activity id keeps within the transcript's 128 characters: a client id that would not fit
    /// beside a long conversation id (a secret holder may name its own, up to 64) is replaced by its
    /// SHA-256, which still makes a retry land on the same id.
    /// </summary>
    private static string ClientPart(string conversationId, string? clientActivityId)
    {
        if (clientActivityId is null)
        {
            return Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));
        }

        var room = MaxActivityIdLength - conversationId.Length - 1;
        return clientActivityId.Length <= room ? clientActivityId : Base64Url.EncodeToString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(clientActivityId)));
    }

    /// <summary>The transcript's activity id column (<c>directline_activities.activity_id</c>).</summary>
    private const int MaxActivityIdLength = 128;
}
