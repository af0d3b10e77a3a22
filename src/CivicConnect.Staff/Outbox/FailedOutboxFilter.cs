namespace CivicConnect.Staff.Outbox;

/// <summary>Narrows the failed list: by channel (<c>sms</c>, <c>mail</c>…), by kind (<c>reply</c>, <c>notification</c>), or to rows written since a time.</summary>
public sealed record FailedOutboxFilter(string? Channel = null, string? Kind = null, DateTimeOffset? Since = null)
{
    public static readonly FailedOutboxFilter None = new();
}
