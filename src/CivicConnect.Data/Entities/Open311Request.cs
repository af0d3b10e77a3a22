namespace CivicConnect.Data.Entities;

/// <summary>
/// What an Open311 client sent with a service request besides the report itself: who sent it
/// (kept apart from the issue, so staff views never carry it by accident), the media link and the
/// token <c>GET /tokens/{token}</c> resolves.
/// </summary>
public sealed class Open311Request
{
    public long Id { get; set; }

    public long IssueId { get; set; }

    /// <summary>Opaque token for <c>GET /open311/v2/tokens/{token}</c>.</summary>
    public required string Token { get; set; }

    /// <summary>Which configured client (API key index) submitted it; never the key itself.</summary>
    public required string Client { get; set; }

    public string? AccountId { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? DeviceId { get; set; }

    public string? MediaUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
