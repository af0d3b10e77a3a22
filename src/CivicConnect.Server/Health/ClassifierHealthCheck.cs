using CivicConnect.Intelligence.Embedded;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicConnect.Server.Health;

/// <summary>Ready only once the current classifier is in memory: before that, a citizen's first reply would wait for it.</summary>
internal sealed class ClassifierHealthCheck(ClassifierReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.Current is { } loaded
            ? HealthCheckResult.Healthy($"classifier v{loaded.Version} loaded", new Dictionary<string, object> { ["version"] = loaded.Version, ["fromStore"] = loaded.FromStore })
            : HealthCheckResult.Unhealthy("loading the classifier"));
}
