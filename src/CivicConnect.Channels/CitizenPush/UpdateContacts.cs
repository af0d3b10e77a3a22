using CivicConnect.Channels.Alerts;
using CivicConnect.Channels.CitizenPush.Fcm;
using CivicConnect.Channels.CitizenPush.WebPush;
using CivicConnect.Conversation.Ports;
using CivicConnect.Data.Entities;
using CivicConnect.Messaging.Recipients;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.CitizenPush;

/// <summary>The dialog's view of the update targets: what is configured, and the e-mail address a citizen gives.</summary>
internal sealed class UpdateContacts(UpdateTargets targets, IOptions<WebPushOptions> webPush, IOptions<FcmOptions> fcm, IOptions<MailOptions> mail) : IUpdateContacts
{
    public bool PushOffered => webPush.Value.IsConfigured || fcm.Value.IsConfigured;

    public bool EmailOffered => mail.Value.IsConfigured;

    public Task AddEmailAsync(Guid conversationId, string email, CancellationToken cancellationToken) =>
        targets.RegisterAsync(conversationId, UpdateTargetKinds.Email, email, cancellationToken: cancellationToken);
}
