using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.Twilio;

/// <summary>Half a Twilio configuration would accept webhooks nobody can verify, or send from nowhere; refuse to start instead.</summary>
internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        var hasSid = !string.IsNullOrWhiteSpace(options.AccountSid);
        var hasToken = !string.IsNullOrWhiteSpace(options.AuthToken);
        if (hasSid != hasToken)
        {
            failures.Add($"{TwilioOptions.SectionName}:AccountSid and {TwilioOptions.SectionName}:AuthToken must be set together (environment variables Twilio__AccountSid, Twilio__AuthToken).");
        }

        if (hasSid && !options.AccountSid!.StartsWith("AC", StringComparison.Ordinal))
        {
            failures.Add($"{TwilioOptions.SectionName}:AccountSid must start with AC.");
        }

        if (options.IsConfigured && string.IsNullOrWhiteSpace(options.PhoneNumber) && string.IsNullOrWhiteSpace(options.WhatsAppNumber))
        {
            failures.Add($"{TwilioOptions.SectionName}:PhoneNumber or {TwilioOptions.SectionName}:WhatsAppNumber must be set to send replies.");
        }

        if (options.ApiBaseUrl is { IsAbsoluteUri: false })
        {
            failures.Add($"{TwilioOptions.SectionName}:ApiBaseUrl must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
