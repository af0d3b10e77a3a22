using Microsoft.AspNetCore.Http;
using Twilio.Security;

namespace CivicConnect.Channels.Twilio.Inbound;

/// <summary>
/// Checks <c>X-Twilio-Signature</c> with Twilio's own validator against the URL Twilio called,
/// which behind a reverse proxy is <c>Channels:PublicBaseUrl</c> + path + query, not what this
/// node sees.
/// </summary>
internal static class TwilioSignature
{
    public const string Header = "X-Twilio-Signature";

    public static bool IsValid(HttpRequest request, TwilioForm form, string authToken, Uri? publicBaseUrl)
    {
        var signature = request.Headers[Header].ToString();
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        var url = PublicUrl(request, publicBaseUrl);
        return new RequestValidator(authToken).Validate(url, form.Fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal), signature);
    }

    public static string PublicUrl(HttpRequest request, Uri? publicBaseUrl)
    {
        var pathAndQuery = request.Path.Value + request.QueryString.Value;
        if (publicBaseUrl is null)
        {
            return $"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}{pathAndQuery}";
        }

        return publicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + pathAndQuery;
    }
}
