using System.Net;
using CivicConnect.Core.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Hosting;

/// <summary>
/// The client's real address and scheme behind the proxies listed in <see cref="TrustedProxyOptions"/>:
/// rate limits are keyed on the citizen, not the load balancer, and Direct Line stream and photo
/// URLs carry the public scheme (wss:// behind https).
/// </summary>
internal static class TrustedProxies
{
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<TrustedProxyOptions>(TrustedProxyOptions.SectionName);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<TrustedProxyOptions>>((forwarded, trusted) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = trusted.Value.ForwardLimit;

            // The framework trusts loopback by default; only what the operator lists is trusted here.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the client's address and scheme.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        // With no proxy listed the middleware is left out entirely: it would otherwise believe the
        // first hop of any request whose connection has no remote address.
        if (app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
