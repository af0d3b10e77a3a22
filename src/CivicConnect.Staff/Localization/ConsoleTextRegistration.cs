using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CivicConnect.Staff.Localization;

public static class ConsoleTextRegistration
{
    /// <summary>Adds one area's wording to <see cref="ConsoleText"/>.</summary>
    public static IServiceCollection AddConsoleStrings<T>(this IServiceCollection services)
        where T : class, IConsoleStrings
    {
        services.TryAddSingleton<ConsoleText>();
        services.TryAddSingleton<CityTime>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConsoleStrings, T>());
        return services;
    }
}
