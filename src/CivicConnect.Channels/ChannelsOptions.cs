namespace CivicConnect.Channels;

/// <summary>Settings shared by every provider webhook.</summary>
public sealed class ChannelsOptions
{
    public const string SectionName = "Channels";

    /// <summary>
    /// The base address the providers call (e.g. https://311.example.org), used to rebuild the URL
    /// they signed. Behind a reverse proxy the request's own scheme and host are the proxy's view,
    /// not the provider's, so signatures only check out against this. Unset: the request URL.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
