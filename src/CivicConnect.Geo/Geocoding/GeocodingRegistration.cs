using System.Net;
using System.Threading.RateLimiting;
using CivicConnect.Core.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace CivicConnect.Geo.Geocoding;

public static class GeocodingRegistration
{
    /// <summary>Name of the resilience pipeline around geocoder calls.</summary>
    public const string PipelineName = "geocode";

    /// <summary>Registers the geocoder only when a base URL is configured; otherwise the gazetteer works alone.</summary>
    public static IHostApplicationBuilder AddGeocoding(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<GeocodingOptions>(GeocodingOptions.SectionName);
        var configured = builder.Configuration.GetSection(GeocodingOptions.SectionName).Get<GeocodingOptions>();
        if (configured?.Enabled != true)
        {
            return builder;
        }

        builder.Services.AddScoped<GeocodeCache>();
        builder.Services.AddScoped<IGeocoder, CachingGeocoder>();
        builder.Services
            .AddHttpClient<NominatimGeocoder>((services, http) =>
            {
                var settings = services.GetRequiredService<IOptions<GeocodingOptions>>().Value;
                var baseUrl = settings.NominatimBaseUrl!.ToString();
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.DefaultRequestHeaders.UserAgent.ParseAdd(settings.UserAgent);
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline owns every timeout
            })
            .AddResilienceHandler(PipelineName, (pipeline, context) =>
            {
                var settings = context.ServiceProvider.GetRequiredService<IOptions<GeocodingOptions>>().Value;
                var attempt = TimeSpan.FromMilliseconds(settings.AttemptTimeoutMilliseconds);

                // A network timeout is wall-clock time: the injected clock (a fake one in tests,
                // moved by hand) must not decide when a slow geocoder is given up on.
                pipeline.TimeProvider = TimeProvider.System;

                // Outermost: the usage policy. Queued briefly so a burst waits its turn instead of failing.
                pipeline.AddRateLimiter(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
                {
                    TokenLimit = 1,
                    TokensPerPeriod = 1,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1 / settings.RequestsPerSecond),
                    QueueLimit = 4,
                    QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    AutoReplenishment = true,
                }));
                pipeline.AddTimeout(attempt * (settings.MaxRetries + 1) + TimeSpan.FromMilliseconds(settings.RetryDelayMilliseconds * settings.MaxRetries));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
                    Delay = TimeSpan.FromMilliseconds(settings.RetryDelayMilliseconds),
                    BackoffType = DelayBackoffType.Exponential,
                    ShouldHandle = args => ValueTask.FromResult(settings.MaxRetries > 0 && IsRetryable(args.Outcome)),
                });
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 5,
                    SamplingDuration = TimeSpan.FromSeconds(30),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(attempt);
            });
        return builder;
    }

    // A 429 is the server asking us to slow down: never retried, the gazetteer answers instead.
    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result.StatusCode: HttpStatusCode.TooManyRequests } => false,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}
