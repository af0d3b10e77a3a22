using CivicConnect.Core.Hosting;
using CivicConnect.Staff.Dashboard;
using CivicConnect.Staff.HandOffs;
using CivicConnect.Staff.Localization;
using CivicConnect.Staff.Map;
using CivicConnect.Staff.Outbox;
using CivicConnect.Staff.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace CivicConnect.Staff;

/// <summary>
/// The console's components and the query and command services that the console and the staff
/// API share. Each area registers its own services here, one line each.
/// </summary>
public static class StaffRegistration
{
    public static WebApplicationBuilder AddStaffServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddMudServices();
        builder.Services.AddConsoleStrings<LayoutText>();
        builder.Services.AddScoped<FailedOutboxQuery>();
        builder.Services.AddScoped<OutboxRetry>();
        builder.Services.AddConsoleStrings<OutboxText>();
        builder.Services.AddConsoleStrings<TuningText>();
        builder.Services.AddHandOffDesk();
        builder.Services.AddScoped<ReportQueries>();
        builder.Services.AddScoped<ReportPhotos>();
        builder.Services.AddSingleton<ReportCalls>();
        builder.Services.AddConsoleStrings<ReportText>();
        builder.AddValidatedOptions<MapOptions>(MapOptions.SectionName);
        builder.Services.AddScoped<MapReportQuery>();
        builder.Services.AddScoped<WardMapQuery>();
        builder.Services.AddScoped<CategoryLegend>();
        builder.Services.AddConsoleStrings<MapText>();
        builder.Services.AddScoped<AnalyticsQueries>();
        builder.Services.AddConsoleStrings<DashboardText>();
        return builder;
    }
}
