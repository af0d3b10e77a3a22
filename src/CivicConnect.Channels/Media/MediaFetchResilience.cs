using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.Timeout;

namespace CivicConnect.Channels.Media;

/// <summary>
/// Retries for fetching a citizen's photo from a provider's media host. The message is committed
/// before this runs, so the fetch may wait far longer than a webhook could (a 30-second media host
/// still delivers); <see cref="MediaOptions.FetchTimeout"/> bounds the whole fetch.
/// </summary>
public static class MediaFetchResilience
{
    /// <summary>One attempt may wait this long for the media host's headers.</summary>
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(60);

    public static IHttpClientBuilder AddMediaFetchResilience(this IHttpClientBuilder http, string pipelineName)
    {
        http.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan); // the pipeline and MediaOptions.FetchTimeout own every timeout
        http.AddResilienceHandler(pipelineName, pipeline =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
                    _ => false,
                }),
            });
            pipeline.AddTimeout(AttemptTimeout);
        });
        return http;
    }
}
