using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.WhatsAppCloud;

/// <summary>Part of a Cloud API configuration would accept webhooks nobody can verify or send from nowhere; refuse to start instead.</summary>
internal sealed class WhatsAppCloudOptionsValidator : IValidateOptions<WhatsAppCloudOptions>
{
    private static readonly string[] Keys = ["AppSecret", "VerifyToken", "AccessToken", "PhoneNumberId"];

    public ValidateOptionsResult Validate(string? name, WhatsAppCloudOptions options)
    {
        var failures = new List<string>();
        var values = new[] { options.AppSecret, options.VerifyToken, options.AccessToken, options.PhoneNumberId };
        var set = values.Count(v => !string.IsNullOrWhiteSpace(v));
        if (set is > 0 and < 4)
        {
            var missing = Keys.Where((_, i) => string.IsNullOrWhiteSpace(values[i])).Select(k => $"{WhatsAppCloudOptions.SectionName}:{k}");
            failures.Add($"The WhatsApp Cloud API needs all of AppSecret, VerifyToken, AccessToken and PhoneNumberId; missing {string.Join(", ", missing)}.");
        }

        if (options.GraphBaseUrl is { IsAbsoluteUri: false })
        {
            failures.Add($"{WhatsAppCloudOptions.SectionName}:GraphBaseUrl must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
