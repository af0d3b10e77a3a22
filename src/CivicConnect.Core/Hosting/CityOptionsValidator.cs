using Microsoft.Extensions.Options;

namespace CivicConnect.Core.Hosting;

/// <summary>Checks what data annotations cannot: the time zone exists and the default locale is offered.</summary>
public sealed class CityOptionsValidator : IValidateOptions<CityOptions>
{
    public ValidateOptionsResult Validate(string? name, CityOptions options)
    {
        var failures = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _))
        {
            failures.Add($"City:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        if (options.Locales is { Length: > 0 } && !options.Locales.Contains(options.DefaultLocale, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"City:DefaultLocale '{options.DefaultLocale}' is not one of City:Locales ({string.Join(", ", options.Locales)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
