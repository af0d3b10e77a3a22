using System.Collections.Concurrent;
using CivicConnect.Channels.Inbox;
using CivicConnect.Channels.Outbox;
using CivicConnect.Conversation.Activities;

namespace CivicConnect.Integration.Tests.DirectLine;

/// <summary>
/// TEST-ONLY stand-in for the inbox + dialog turn until main registers the real pipeline: it
/// records what the channel handed over and answers at once through the real Direct Line sender,
/// so the protocol can be tested end to end. Delete once the real IInbound is on main.
/// "choices" gets a reply with choices, "card" one with a card; anything else is echoed.
/// </summary>
public sealed class EchoInbound(IEnumerable<IChannelSender> senders) : IInbound
{
    private static long nextOutboxId = 1_000;

    public ConcurrentQueue<Activity> Received { get; } = new();

    public async Task<InboundAcceptance> AcceptAsync(Activity activity, CancellationToken cancellationToken)
    {
        Received.Enqueue(activity);
        var reply = activity.Text switch
        {
            "choices" => new Reply("Is it dangerous?", [new Choice("yes", "Yes"), new Choice("no", "No")]),
            "card" => new Reply("Here is your report.", [], new ReplyCard("Pothole", ["17 Ave SW", "Deep"], "/media/x.jpg")),
            _ when activity.Attachments.Count > 0 => Reply.Plain($"Got {activity.Attachments.Count} photo(s)."),
            var text => Reply.Plain($"You said: {text}"),
        };

        var outboxId = Interlocked.Increment(ref nextOutboxId);
        var sender = senders.Single(s => s.Channel == activity.Channel);
        await sender.SendAsync(new OutboundMessage(outboxId, "reply", activity.Channel, activity.Address, null, activity.Locale ?? "en", reply), cancellationToken);
        return new InboundAcceptance(outboxId, Duplicate: false);
    }
}
