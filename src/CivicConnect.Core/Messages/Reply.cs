namespace CivicConnect.Core.Messages;

/// <summary>
/// What the engine says back, channel-neutral. Each channel renders <see cref="Choices"/> its
/// own way: a numbered list on SMS, buttons or a list on WhatsApp, suggested actions in web chat.
/// <see cref="Link"/> is the page a notification points to (the report's public status page):
/// a push notification opens it when tapped.
/// </summary>
public sealed record Reply(string Text, IReadOnlyList<Choice> Choices, ReplyCard? Card = null, bool IsConfirmation = false, string? Link = null)
{
    public static Reply Plain(string text) => new(text, []);
}

/// <summary>A choice: <paramref name="Value"/> comes back when picked; <paramref name="Title"/> is shown.</summary>
public sealed record Choice(string Value, string Title);

/// <summary>A summary card, e.g. the report before confirmation, optionally with the photo.</summary>
public sealed record ReplyCard(string Title, IReadOnlyList<string> Lines, string? ImageUrl = null);
