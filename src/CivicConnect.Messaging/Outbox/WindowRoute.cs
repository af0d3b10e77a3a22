namespace CivicConnect.Messaging.Outbox;

/// <summary>How a message is to go out, given a channel's delivery window (WhatsApp's 24 hours).</summary>
public abstract record WindowRoute
{
    /// <summary>Within the window: the message goes as it is.</summary>
    public sealed record FreeForm : WindowRoute;

    /// <summary>Outside it: as the configured provider-approved template.</summary>
    public sealed record Template(MessageTemplate Value) : WindowRoute;

    /// <summary>Outside it, without a template: by SMS to this number (the citizen texted the city and did not opt out).</summary>
    public sealed record Sms(string Number) : WindowRoute;

    /// <summary>Outside it, with no way to reach the citizen: the row fails with this reason.</summary>
    public sealed record NotSent(string Reason) : WindowRoute;
}
