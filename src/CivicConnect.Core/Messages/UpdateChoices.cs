namespace CivicConnect.Core.Messages;

/// <summary>
/// The choices offered to a web or app citizen after a report is filed: updates as push
/// notifications, or by e-mail. The push pick needs the client's part (the browser's permission
/// and subscription, or the app's FCM token), so the web-chat renderer marks the offer for the page.
/// </summary>
public static class UpdateChoices
{
    public const string Push = "updates:push";
    public const string Email = "updates:email";
}
