using System.Threading.RateLimiting;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Features.Open311;

internal static class Open311Registration
{
    /// <summary>The rate-limit policy of the public reads: a fixed window per client address (the real one behind trusted proxies).</summary>
    public const string ReadsPolicy = "open311-reads";

    /// <summary>The GeoReport v2 API (section <c>Open311</c>); a development key when none is set in Development.</summary>
    public static IHostApplicationBuilder AddOpen311(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<Open311Options>(Open311Options.SectionName)
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                if (options.ApiKeys.Length == 0 && environment.IsDevelopment())
                {
                    options.ApiKeys = [Open311Options.DevelopmentKey];
                }
            });
        builder.Services.AddSingleton<IValidateOptions<Open311Options>, Open311OptionsValidator>();
        builder.Services.AddScoped<Open311Catalog>();
        builder.Services.AddScoped<Open311RequestQuery>();
        builder.Services.AddScoped<Open311Submission>();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(ReadsPolicy, context =>
        {
            var perMinute = context.RequestServices.GetRequiredService<IOptions<Open311Options>>().Value.ReadsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }));
        return builder;
    }

    private sealed class Open311OptionsValidator(IHostEnvironment environment) : IValidateOptions<Open311Options>
    {
        public ValidateOptionsResult Validate(string? name, Open311Options options)
        {
            var failures = new List<string>();
            if (options.ApiKeys.Any(k => string.IsNullOrWhiteSpace(k) || k.Length < 8))
            {
                failures.Add("Open311:ApiKeys: every key must have at least 8 characters.");
            }

            if (!environment.IsDevelopment() && options.ApiKeys.Contains(Open311Options.DevelopmentKey, StringComparer.Ordinal))
            {
                failures.Add($"Open311:ApiKeys: the public development key '{Open311Options.DevelopmentKey}' is only accepted in Development.");
            }

            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
