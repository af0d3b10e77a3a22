using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Channels.DirectLine;

/// <summary>
/// A missing or public secret would let anyone mint tokens for any conversation, so outside
/// Development the node refuses to start without a real one.
/// </summary>
internal sealed class DirectLineOptionsValidator(IHostEnvironment environment) : IValidateOptions<DirectLineOptions>
{
    private const int MinimumSecretLength = 32;

    public ValidateOptionsResult Validate(string? name, DirectLineOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Secret))
        {
            failures.Add($"{DirectLineOptions.SectionName}:Secret is not set (environment variable DirectLine__Secret).");
        }
        else if (!environment.IsDevelopment())
        {
            if (options.Secret == DirectLineOptions.DevelopmentSecret)
            {
                failures.Add($"{DirectLineOptions.SectionName}:Secret is the public development secret; set a private one.");
            }
            else if (options.Secret.Length < MinimumSecretLength)
            {
                failures.Add($"{DirectLineOptions.SectionName}:Secret must be at least {MinimumSecretLength} characters long.");
            }
        }

        if (options.PublicBaseUrl is { IsAbsoluteUri: false })
        {
            failures.Add($"{DirectLineOptions.SectionName}:PublicBaseUrl must be an absolute URL.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
