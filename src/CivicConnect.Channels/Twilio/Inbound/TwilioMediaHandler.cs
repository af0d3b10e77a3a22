using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Twilio.Inbound;

/// <summary>
/// Under the media client: MMS and WhatsApp media URLs need HTTP Basic auth with the account SID
/// and token. Like the REST calls, they are moved to <c>Twilio:ApiBaseUrl</c>. Twilio answers
/// with a redirect to its storage, which the client follows without the credentials.
/// </summary>
internal sealed class TwilioMediaHandler(IOptions<TwilioOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var baseUrl = settings.ApiBaseUrl;
        if (request.RequestUri is { } uri && baseUrl.GetLeftPart(UriPartial.Authority) != uri.GetLeftPart(UriPartial.Authority))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port }.Uri;
        }

        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountSid}:{settings.AuthToken}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        return base.SendAsync(request, cancellationToken);
    }
}
