using Microsoft.Extensions.Options;
using MimeKit;

namespace CivicConnect.Channels.Alerts;

/// <summary>A mail server without a usable sender, or a login without its password, would fail every alert later; refuse to start instead.</summary>
internal sealed class MailOptionsValidator : IValidateOptions<MailOptions>
{
    public ValidateOptionsResult Validate(string? name, MailOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out _))
        {
            failures.Add($"{MailOptions.SectionName}:From must be an e-mail address (optionally with a display name) when {MailOptions.SectionName}:Host is set.");
        }

        if (string.IsNullOrWhiteSpace(options.UserName) != string.IsNullOrWhiteSpace(options.Password))
        {
            failures.Add($"{MailOptions.SectionName}:UserName and {MailOptions.SectionName}:Password must be set together (secret: environment variable Mail__Password).");
        }

        if (Uri.CheckHostName(options.Host) == UriHostNameType.Unknown)
        {
            failures.Add($"{MailOptions.SectionName}:Host '{options.Host}' is not a host name or address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
