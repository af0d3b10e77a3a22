using System.ComponentModel.DataAnnotations;

namespace CivicConnect.Server.Features.Open311;

/// <summary>Section <c>Open311</c>: the GeoReport v2 API.</summary>
public sealed class Open311Options
{
    public const string SectionName = "Open311";

    /// <summary>Used when no keys are configured in Development only; public, so never valid elsewhere.</summary>
    public const string DevelopmentKey = "dev-open311-key";

    /// <summary>Keys clients send as <c>api_key</c> to post requests (secrets: <c>Open311__ApiKeys__0</c>, …). None: posting is refused.</summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>
    /// <c>realtime</c>: a posted request answers with its <c>service_request_id</c>;
    /// <c>batch</c>: with a <c>token</c> that <c>GET /tokens/{token}</c> turns into the id.
    /// </summary>
    [RegularExpression("^(realtime|batch)$")]
    public string ServiceType { get; set; } = "realtime";

    /// <summary>The spec's default window for <c>GET /requests</c> and the longest span a query may ask for.</summary>
    [Range(1, 3650)]
    public int QueryWindowDays { get; set; } = 90;

    /// <summary>The spec's cap on requests returned by one query.</summary>
    [Range(1, 10_000)]
    public int MaxRequests { get; set; } = 1000;

    /// <summary>
    /// Largest POST body in bytes (default 64 KB: a 4,000-character description percent-encoded,
    /// with room for the other fields). Larger is a 413 problem, refused before the body is read
    /// when its length is declared.
    /// </summary>
    [Range(1_024, 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How <c>GET /requests</c> shows what citizens wrote: <c>Redacted</c> (default: phone numbers,
    /// e-mail addresses and links removed) or <c>Withheld</c> (no description).
    /// </summary>
    public Open311Descriptions Descriptions { get; set; } = Open311Descriptions.Redacted;

    /// <summary>The region whose way of writing phone numbers the redaction knows first (ISO 3166 code).</summary>
    [RegularExpression("^[A-Z]{2}$")]
    public string PhoneRegion { get; set; } = "CA";

    /// <summary>Public reads (<c>GET</c> requests, services, tokens) per client address per minute; more is a 429 with Retry-After.</summary>
    [Range(1, 100_000)]
    public int ReadsPerMinute { get; set; } = 120;

    public bool ReturnsTokens => ServiceType == "batch";
}
