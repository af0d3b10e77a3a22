using System.Collections.Concurrent;
using System.Net;
using CivicConnect.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CivicConnect.Channels.Providers;

/// <summary>
/// The one resilience pipeline for provider send clients (<c>"twilio-send"</c>,
/// <c>"whatsapp-send"</c>): a total timeout, retries with exponential back-off and jitter on
/// 429/5xx/timeouts (honouring a short Retry-After; a long one is left to the outbox row), a
/// circuit breaker so a provider outage fails fast instead of piling up, and a per-attempt
/// timeout. What the pipeline cannot fix goes back to the outbox, whose bounded attempts end in
/// Failed.
/// </summary>
public static class ProviderResilience
{
    public static IHttpClientBuilder AddProviderResilience(this IHttpClientBuilder http, string pipelineName)
    {
        http.ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan); // the pipeline owns every timeout
        http.AddResilienceHandler(pipelineName, (pipeline, context) =>
        {
            var settings = context.ServiceProvider.GetRequiredService<IOptions<MessagingOptions>>().Value;
            var circuits = context.ServiceProvider.GetRequiredService<ProviderCircuits>();

            // Network timeouts are wall-clock time, not the injected (in tests, frozen) clock.
            pipeline.TimeProvider = TimeProvider.System;
            var retryBudget = TimeSpan.FromTicks(settings.ProviderRetryDelay.Ticks * ((1 << settings.ProviderRetries) - 1)) + (settings.ProviderMaxInlineRetryAfter * settings.ProviderRetries);
            pipeline.AddTimeout(settings.ProviderAttemptTimeout * (settings.ProviderRetries + 1) + retryBudget);
            if (settings.ProviderRetries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = settings.ProviderRetries,
                    Delay = settings.ProviderRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome, args.Context.GetRequestMessage()?.Method, settings.ProviderMaxInlineRetryAfter)),
                });
            }

            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = settings.ProviderBreakerFailureRatio,
                MinimumThroughput = settings.ProviderBreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = settings.ProviderBreakDuration,
                OnOpened = args =>
                {
                    circuits.Record(pipelineName, CircuitState.Open, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
                OnHalfOpened = _ =>
                {
                    circuits.Record(pipelineName, CircuitState.HalfOpen, null);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    circuits.Record(pipelineName, CircuitState.Closed, null);
                    return ValueTask.CompletedTask;
                },
            });
            pipeline.AddTimeout(settings.ProviderAttemptTimeout);
        });
        return http;
    }

    /// <summary>True for what the pipeline (or the outbox after it) may retry: the provider never got, or refused for now, the message.</summary>
    public static bool IsTransient(Exception exception) => exception is BrokenCircuitException or TimeoutRejectedException or HttpRequestException;

    /// <summary>True when the call was refused by the open circuit, so the provider never saw it (the Twilio library wraps it).</summary>
    public static bool IsOpenCircuit(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is BrokenCircuitException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A send (POST) that timed out or broke after it was written may have been accepted, and no provider here takes an
    /// idempotency key: it is not retried inline but goes back to the outbox in doubt, which asks the provider first
    /// (<see cref="Messaging.Outbox.OutboundMessage.InDoubtSince"/>). A connection that was never made is safe to retry.
    /// </summary>
    private static bool IsRetryable(Outcome<HttpResponseMessage> outcome, HttpMethod? method, TimeSpan maxInlineRetryAfter) => outcome switch
    {
        { Exception: HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError } } => true,
        { Exception: HttpRequestException or TimeoutRejectedException } => method is null || method == HttpMethod.Get || method == HttpMethod.Head,
        { Result: { StatusCode: HttpStatusCode.TooManyRequests } response } => response.Headers.RetryAfter?.Delta is not { } wait || wait <= maxInlineRetryAfter,
        { Result: { } response } => (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        _ => false,
    };
}

/// <summary>The provider circuits' state changes, logged (an operator sees an outage start and end) and kept for the admin view.</summary>
public sealed class ProviderCircuits(TimeProvider clock, ILogger<ProviderCircuits> logger)
{
    private readonly ConcurrentQueue<CircuitTransition> transitions = new();

    public IReadOnlyList<CircuitTransition> Transitions => transitions.ToArray();

    /// <summary>The pipelines whose circuit is open right now.</summary>
    public IReadOnlyList<string> Open =>
        transitions.GroupBy(t => t.Pipeline).Select(g => g.Last()).Where(t => t.State == CircuitState.Open).Select(t => t.Pipeline).ToList();

    internal void Record(string pipeline, CircuitState state, TimeSpan? breakDuration)
    {
        transitions.Enqueue(new CircuitTransition(pipeline, state, clock.GetUtcNow()));
        while (transitions.Count > 200 && transitions.TryDequeue(out _))
        {
            // Keep the recent history only.
        }

        if (state == CircuitState.Open)
        {
            logger.LogWarning("Provider circuit {Pipeline} opened for {BreakDuration}: sends fail fast and wait in the outbox", pipeline, breakDuration);
        }
        else
        {
            logger.LogInformation("Provider circuit {Pipeline} is {State}", pipeline, state);
        }
    }
}

public sealed record CircuitTransition(string Pipeline, CircuitState State, DateTimeOffset At);
