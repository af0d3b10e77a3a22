using CivicConnect.Conversation.Ports;

namespace CivicConnect.Conversation.Testing;

/// <summary>Update channels as configured for a test; e-mail addresses given in the dialog are kept in memory.</summary>
public sealed class RecordingUpdateContacts(bool pushOffered = false, bool emailOffered = false) : IUpdateContacts
{
    public bool PushOffered => pushOffered;

    public bool EmailOffered => emailOffered;

    public List<(Guid ConversationId, string Email)> Emails { get; } = [];

    public Task AddEmailAsync(Guid conversationId, string email, CancellationToken cancellationToken)
    {
        Emails.Add((conversationId, email));
        return Task.CompletedTask;
    }
}
