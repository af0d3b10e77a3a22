using System.Globalization;
using CivicConnect.Channels.DirectLine.Transcript;
using CivicConnect.Core.Messages;
using CivicConnect.Messaging.Outbox;

namespace CivicConnect.Channels.DirectLine.Outbound;

/// <summary>
/// Delivers a bot reply on Direct Line by appending it to the conversation's transcript: streams
/// on any node are woken by the NOTIFY, pollers find it on their next poll. The activity id is
/// derived from the outbox row, so a redelivered row is stored once.
/// </summary>
public sealed class DirectLineSender(DirectLineTranscript transcript, BotActivityRenderer renderer, TimeProvider clock) : IChannelSender
{
    public string Channel => ChannelIds.DirectLine;

    public async Task<SendOutcome> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var conversation = await transcript.FindConversationAsync(message.Address, cancellationToken);
        if (!conversation.Exists)
        {
            return SendOutcome.Failure($"Direct Line conversation {message.Address} does not exist.", permanent: true);
        }

        var activityId = "bot-" + message.OutboxId.ToString(CultureInfo.InvariantCulture);
        var activity = renderer.Render(activityId, message, conversation.UserId, clock.GetUtcNow());
        var outcome = await transcript.AppendAsync(message.Address, activityId, fromBot: true, activity.ToJsonString(), cancellationToken);
        return outcome.Status == AppendStatus.NoConversation
            ? SendOutcome.Failure($"Direct Line conversation {message.Address} does not exist.", permanent: true)
            : SendOutcome.Success(activityId);
    }
}
