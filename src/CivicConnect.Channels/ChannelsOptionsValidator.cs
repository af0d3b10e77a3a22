using CivicConnect.Channels.Twilio;
using CivicConnect.Channels.WhatsAppCloud;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels;

/// <summary>
/// In Production a provider channel needs <see cref="ChannelsOptions.PublicBaseUrl"/>: behind a load
/// balancer the request URL is the balancer's view, so Twilio's signatures would never check out
/// and every message would be refused. Better not to start, and say which setting is missing.
/// </summary>
internal sealed class ChannelsOptionsValidator(IHostEnvironment environment, IConfiguration configuration) : IValidateOptions<ChannelsOptions>
{
    public ValidateOptionsResult Validate(string? name, ChannelsOptions options)
    {
        if (options.PublicBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            return ValidateOptionsResult.Fail($"{ChannelsOptions.SectionName}:PublicBaseUrl must be an absolute http(s) address, e.g. https://311.example.org.");
        }

        if (!environment.IsProduction() || options.PublicBaseUrl is not null)
        {
            return ValidateOptionsResult.Success;
        }

        var providers = new List<string>();
        if (configuration.GetSection(TwilioOptions.SectionName).Get<TwilioOptions>()?.IsConfigured == true)
        {
            providers.Add("Twilio");
        }

        if (configuration.GetSection(WhatsAppCloudOptions.SectionName).Get<WhatsAppCloudOptions>()?.IsConfigured == true)
        {
            providers.Add("WhatsApp Cloud");
        }

        return providers.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{ChannelsOptions.SectionName}:PublicBaseUrl is required in Production when a provider channel is configured ({string.Join(", ", providers)}): " +
                "set it (environment variable Channels__PublicBaseUrl) to the public https address the providers call, e.g. https://311.example.org.");
    }
}
