using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CivicConnect.Server.Hosting;

/// <summary>
/// Which reverse proxies or load balancers may tell us the client's address and scheme
/// (X-Forwarded-For, X-Forwarded-Proto). Nobody by default: anyone can send those headers, so
/// only the addresses an operator lists are believed. Behind a load balancer, list it here, or
/// every citizen shares one rate-limit bucket and stream URLs come out ws:// on an https page.
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Addresses of trusted proxies, e.g. "10.0.0.5" or "2001:db8::5".</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR form, e.g. "10.0.0.0/8" (a cluster's pod network).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxy hops are read from the end of X-Forwarded-For (default 1: one load balancer).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    /// <summary>True when at least one proxy or network is listed.</summary>
    public bool TrustsAnyProxy => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return new ValidationResult($"ForwardedHeaders:KnownNetworks: '{network}' is not a network in CIDR form (e.g. 10.0.0.0/8).", [nameof(KnownNetworks)]);
        }
    }
}
