using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embeddings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// Loads the embedding model and builds the current definition's classifier in the background as
/// the node starts (seconds of embedding and training), so the first citizen does not wait for it.
/// Start-up is not held up: a message that arrives earlier simply waits for the same build, and
/// <c>/health/ready</c> says not ready until it is done (<see cref="ClassifierReadiness"/>).
/// </summary>
public sealed partial class ClassifierWarmUp(
    IClassifierDefinitionSource definitions,
    EmbeddingModelCache models,
    ITextEmbedder embedder,
    ClassifierReadiness readiness,
    ILogger<ClassifierWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                var definition = await definitions.GetCurrentAsync(CancellationToken.None);
                var model = models.Get(definition);
                embedder.Embed(["warm up"]);

                // A build's thousand embeddings leave freed scratch in the C heap (the model's load trims its own).
                NativeHeap.Trim();
                readiness.MarkLoaded(definition.Version, model.Loaded);
                LogReady(logger, definition.Version, model.ExampleCount, model.Temperature, model.Loaded ? "loaded from the database" : "trained here");
            }
            catch (Exception ex)
            {
                // The first message will try again and report the same problem to its caller.
                LogFailed(logger, ex);
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Classifier ready: definition v{Version}, {Examples} examples, temperature {Temperature:F2} ({Source})")]
    private static partial void LogReady(ILogger logger, int version, int examples, double temperature, string source);

    [LoggerMessage(Level = LogLevel.Error, Message = "Classifier warm-up failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
