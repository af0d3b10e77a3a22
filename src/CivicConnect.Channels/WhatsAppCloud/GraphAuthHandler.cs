using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.WhatsAppCloud;

/// <summary>Every Graph API call (sending, media metadata, the media bytes) carries the access token as a bearer token.</summary>
internal sealed class GraphAuthHandler(IOptions<WhatsAppCloudOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.AccessToken);
        return base.SendAsync(request, cancellationToken);
    }
}
