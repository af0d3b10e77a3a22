using CivicConnect.Integration.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CivicConnect.Integration.Tests.Foundation;

public sealed class OptionsValidationTests
{
    [Fact]
    public async Task Start_WithBadCitySettings_RefusesToStartAndListsEveryProblem()
    {
        await using var app = new CivicAppFactory();
        await app.InitializeAsync();
        app.Settings["City:TimeZone"] = "Mars/Olympus_Mons";
        app.Settings["City:DefaultLocale"] = "de";
        app.Settings["Duplicates:RadiusMeters"] = "0";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        // Every failing section is reported in one go, not the first one only.
        var failures = (error as AggregateException)?.Flatten().InnerExceptions ?? [error];
        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        var message = string.Join("\n", failures.Select(f => f.Message));
        Assert.Contains("RadiusMeters", message, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus_Mons", message, StringComparison.Ordinal);
        Assert.Contains("'de' is not one of City:Locales", message, StringComparison.Ordinal);
    }
}
