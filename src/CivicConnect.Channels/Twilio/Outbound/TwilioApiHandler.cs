using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Twilio.Outbound;

/// <summary>
/// Sits under the Twilio library's HTTP client. The library builds absolute URLs on its own API
/// host, so this moves them to <c>Twilio:ApiBaseUrl</c>; and the library's exceptions drop the
/// response headers, so this keeps <c>Retry-After</c> for the sender.
/// </summary>
internal sealed class TwilioApiHandler(IOptions<TwilioOptions> options, TimeProvider clock) : DelegatingHandler
{
    private static readonly AsyncLocal<RetryAfterSlot?> Current = new();

    /// <summary>Starts capturing Retry-After for the calls made in the current async flow.</summary>
    public static RetryAfterSlot Capture() => Current.Value = new RetryAfterSlot();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.ApiBaseUrl;
        if (request.RequestUri is { } uri && baseUrl.GetLeftPart(UriPartial.Authority) != uri.GetLeftPart(UriPartial.Authority))
        {
            var builder = new UriBuilder(uri) { Scheme = baseUrl.Scheme, Host = baseUrl.Host, Port = baseUrl.Port };
            request.RequestUri = builder.Uri;
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (Current.Value is { } slot && response.Headers.RetryAfter is { } retryAfter)
        {
            slot.Value = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - clock.GetUtcNow() : null);
        }

        return response;
    }
}

internal sealed class RetryAfterSlot
{
    public TimeSpan? Value { get; set; }
}
