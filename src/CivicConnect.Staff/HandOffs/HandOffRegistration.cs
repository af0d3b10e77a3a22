using CivicConnect.Staff.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CivicConnect.Staff.HandOffs;

public static class HandOffRegistration
{
    /// <summary>The hand-off inbox and desk, shared by the console page and <c>/api/handoffs</c>, and the page's wording.</summary>
    public static IServiceCollection AddHandOffDesk(this IServiceCollection services)
    {
        services.AddSingleton<HandOffWording>();
        services.AddScoped<HandOffAccess>();
        services.AddScoped<HandOffInbox>();
        services.AddScoped<HandOffDesk>();
        services.AddScoped<HandOffFiler>();
        services.AddConsoleStrings<HandOffText>();
        return services;
    }
}
