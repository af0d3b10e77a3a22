namespace CivicConnect.Data.Entities;

/// <summary>
/// A built classifier (example vectors, head weights, temperatures) kept by model key, so every
/// node and every restart loads it instead of training it again. Written once per key by the
/// first node that builds it; the format is the Intelligence project's <c>TrainedClassifier</c>.
/// </summary>
public sealed class TrainedClassifierRecord
{
    /// <summary>The embedder's size and a SHA-256 of the definition's content and the head's settings.</summary>
    public required string Key { get; set; }

    public required byte[] Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
