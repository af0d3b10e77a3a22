using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CivicConnect.Server.Health;

/// <summary>Ready means the database answers; no wards loaded means degraded (every location would be "outside the city").</summary>
internal sealed class DatabaseHealthCheck(CivicDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var wards = await db.Wards.CountAsync(cancellationToken);
            var categories = await db.ServiceCategories.CountAsync(c => c.Active, cancellationToken);
            var data = new Dictionary<string, object> { ["wards"] = wards, ["categories"] = categories };
            return wards > 0 && categories > 0
                ? HealthCheckResult.Healthy("database reachable, wards and categories loaded", data)
                : HealthCheckResult.Degraded("database reachable but wards or service categories are missing; run `civic wards import` / `civic seed`", data: data);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
