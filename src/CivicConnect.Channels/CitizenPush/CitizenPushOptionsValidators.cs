using CivicConnect.Channels.CitizenPush.Fcm;
using CivicConnect.Channels.CitizenPush.WebPush;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.CitizenPush;

/// <summary>Half a VAPID pair, or keys of the wrong size, would fail every push later: refuse to start instead.</summary>
internal sealed class WebPushOptionsValidator : IValidateOptions<WebPushOptions>
{
    public ValidateOptionsResult Validate(string? name, WebPushOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PublicKey) != string.IsNullOrWhiteSpace(options.PrivateKey))
        {
            failures.Add($"{WebPushOptions.SectionName}:PublicKey and {WebPushOptions.SectionName}:PrivateKey go together (run `civic vapid` for a pair).");
        }
        else if (options.IsConfigured)
        {
            if (WebPushKeys.Decode(options.PublicKey) is not { Length: 65 } publicKey || publicKey[0] != 4)
            {
                failures.Add($"{WebPushOptions.SectionName}:PublicKey must be an uncompressed P-256 point, base64url (65 bytes).");
            }

            if (WebPushKeys.Decode(options.PrivateKey) is not { Length: 32 })
            {
                failures.Add($"{WebPushOptions.SectionName}:PrivateKey must be a P-256 private key, base64url (32 bytes).");
            }

            if (!options.Subject.StartsWith("mailto:", StringComparison.Ordinal) && !options.Subject.StartsWith("https://", StringComparison.Ordinal))
            {
                failures.Add($"{WebPushOptions.SectionName}:Subject must be a mailto: or https: address.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

/// <summary>A service account that cannot be read or has no key would fail every app push later: refuse to start instead.</summary>
internal sealed class FcmOptionsValidator : IValidateOptions<FcmOptions>
{
    public ValidateOptionsResult Validate(string? name, FcmOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            FcmServiceAccount.Parse(options.ReadServiceAccount());
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            return ValidateOptionsResult.Fail($"{FcmOptions.SectionName}: the service account cannot be used: {ex.Message}");
        }
    }
}
