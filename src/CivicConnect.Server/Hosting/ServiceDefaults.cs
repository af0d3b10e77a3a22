using Microsoft.Extensions.Logging.Console;
using CivicConnect.Core.Telemetry;
using CivicConnect.Server.Health;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CivicConnect.Server.Hosting;

internal static class ServiceDefaults
{
    /// <summary>Logging, telemetry, problem details, OpenAPI, health checks and the city options.</summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.FormatterName = MaskingConsoleFormatter.FormatterName)
            .AddConsoleFormatter<MaskingConsoleFormatter, ConsoleFormatterOptions>();


        builder.Services.AddProblemDetails(options =>
            options.CustomizeProblemDetails = context =>
                context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        // Features add their own policies; a rejected request is a 429 (a problem details body via
        // the status code pages) with Retry-After, which Direct Line clients honour.
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<ClassifierHealthCheck>("classifier", tags: ["ready"]);

        var otel = builder.Services.AddOpenTelemetry()
            .WithTracing(t => t.AddSource(CivicTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddNpgsql())
            .WithMetrics(m => m.AddMeter(CivicTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentationIfAvailable());

        // Export only when an operator points us at a collector (standard OTEL_* variables).
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseJsonCharsetGuard();

        // After routing (added implicitly first), so both see the endpoint: the Direct Line stream
        // needs WebSocket upgrades, and rate-limit policies are set on endpoint groups.
        app.UseWebSockets();
        app.UseRateLimiter();
        app.MapOpenApi();
        return app;
    }

    private static MeterProviderBuilder AddRuntimeInstrumentationIfAvailable(this MeterProviderBuilder builder) =>
        builder.AddMeter("System.Runtime", "Npgsql");
}
