using System.Globalization;
using CivicConnect.Data;
using CivicConnect.Staff;
using CivicConnect.Staff.Shell;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;

namespace CivicConnect.Server.Features.StaffConsole;

/// <summary>
/// The staff and supervisor console at <c>/console</c>: Blazor components from CivicConnect.Staff,
/// rendered by this server over an interactive circuit, in English or French.
/// </summary>
internal static class ConsoleRegistration
{
    private static readonly CultureInfo[] Cultures = [new("en-CA"), new("fr-CA")];

    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        // Cookies, antiforgery tokens and prerendered component state are protected with keys kept
        // in PostgreSQL, so any node can read what another wrote (several nodes, one database).
        builder.Services.AddDataProtection().SetApplicationName("CivicConnect").PersistKeysToDbContext<CivicDbContext>();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.AddStaffServices();
        return builder;
    }

    /// <summary>Culture for console requests only: the API and the web chat keep their own language rules.</summary>
    public static WebApplication UseConsole(this WebApplication app)
    {
        var localization = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Cultures[0]),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
        };
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/console") || context.Request.Path.StartsWithSegments("/_blazor"),
            console => console.UseRequestLocalization(localization));
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapConsoleSignIn();
        return app;
    }
}
