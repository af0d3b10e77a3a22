namespace CivicConnect.Intelligence.Embedded;

/// <summary>
/// Whether this node has the current classifier in memory (set by <see cref="ClassifierWarmUp"/>):
/// until it has, <c>/health/ready</c> says not ready, so a load balancer sends no citizen to a node
/// whose first reply would wait for the model.
/// </summary>
public sealed class ClassifierReadiness
{
    private volatile Loaded? loaded;

    public Loaded? Current => loaded;

    public void MarkLoaded(int version, bool fromStore) => loaded = new Loaded(version, fromStore);

    /// <param name="FromStore">True when it was loaded from the database rather than trained here.</param>
    public sealed record Loaded(int Version, bool FromStore);
}
