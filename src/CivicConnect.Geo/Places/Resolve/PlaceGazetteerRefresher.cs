using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Geo.Places.Resolve;

/// <summary>
/// Keeps every node's gazetteer in step with the tables: once a minute it asks whether another
/// node imported, and loads the gazetteer at start so the first citizen does not wait for it.
/// </summary>
public sealed class PlaceGazetteerRefresher(PlaceGazetteer gazetteer, TimeProvider clock, ILogger<PlaceGazetteerRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await gazetteer.IndexAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The street gazetteer could not be loaded at start; it is tried again on first use");
        }

        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await gazetteer.RefreshIfChangedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "The street gazetteer refresh check failed; the loaded one stays");
            }
        }
    }
}
