namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// Where built classifiers are kept between processes, by model key (the definition's content and
/// the head's settings), so each key is embedded and trained once for all nodes and restarts.
/// </summary>
public interface IClassifierArtifacts
{
    /// <summary>
    /// The model for <paramref name="key"/>: <paramref name="build"/> is given what is stored (or
    /// null, and the result is stored). Two nodes asking at once: one builds, the other waits and loads.
    /// </summary>
    EmbeddingClassifierModel Build(string key, Func<TrainedClassifier?, EmbeddingClassifierModel> build);
}
