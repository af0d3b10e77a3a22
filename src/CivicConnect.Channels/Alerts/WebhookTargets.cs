using System.Net;
using System.Net.Sockets;
using CivicConnect.Messaging.Outbox;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Alerts;

/// <summary>
/// The one rule for where a webhook may go: https to a host that resolves only to public
/// addresses, or any host named in <see cref="WebhookOptions.AllowedHosts"/> (an internal CRM, a
/// local relay; http allowed there). <see cref="ConnectAsync"/> applies it again to the address
/// actually connected, so a name that resolves differently a second later (DNS rebinding) cannot
/// slip through; redirects are never followed.
/// </summary>
internal sealed class WebhookTargets(IOptions<WebhookOptions> options) : IWebhookAddressRule
{
    public async Task<string?> RefusalAsync(string address, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return $"'{address}' is not an https URL.";
        }

        if (IsAllowListed(url.IdnHost))
        {
            return null;
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            return $"'{address}' is not an https URL (plain http only to a host in Webhook:AllowedHosts).";
        }

        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return null; // Unresolvable now: a transient failure when sending, decided again on the retry.
        }

        return addresses.All(PublicAddresses.IsPublic)
            ? null
            : $"'{url.IdnHost}' resolves to a private, loopback or link-local address; add it to Webhook:AllowedHosts if it is meant to be called.";
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to an address the rule allows.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var candidates = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = IsAllowListed(host) ? candidates : candidates.Where(PublicAddresses.IsPublic).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException($"Refused to connect to '{host}': it resolves to no public address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool IsAllowListed(string host) =>
        options.Value.AllowedHosts.Any(allowed => string.Equals(allowed.Trim(), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));
}
