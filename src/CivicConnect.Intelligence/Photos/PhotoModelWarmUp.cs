using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Intelligence.Photos;

/// <summary>
/// Loads the photo model in the background as the node starts, as the classifier's warm-up does for
/// MiniLM: the first citizen's photo does not wait for it, and a node's memory is what it will be
/// with both models in it from the start (issue 15 sizes a node with both loaded). Start-up is not
/// held up, and readiness does not wait: a photo that comes earlier waits for the same load.
/// </summary>
public sealed partial class PhotoModelWarmUp(IImageFeaturizer featurizer, ILogger<PhotoModelWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() =>
        {
            try
            {
                // One model load at a time, the C heap trimmed after each (ModelLoading).
                featurizer.LoadModel();
                LogLoaded(logger);
            }
            catch (Exception ex)
            {
                // The first photo tries again and its turn reports the same problem.
                LogFailed(logger, ex);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Photo model loaded (ResNet18)")]
    private static partial void LogLoaded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The photo model could not be loaded")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
