namespace CivicConnect.Intelligence.Embeddings;

/// <summary>
/// Loads the process's ONNX models (MiniLM, ResNet18) one at a time, each followed by a trim of the C
/// heap. A load briefly holds several copies of its model (the file or resource read whole, the parsed
/// graph, the optimised weights); the two warm-ups used to load both at once as the node started, and
/// their copies together took a node to about 740 MiB for a second (issue 15: ≤ 700 MB per node),
/// against ~530 MiB once both were loaded.
/// </summary>
public static class ModelLoading
{
    private static readonly Lock Gate = new();

    public static T OneAtATime<T>(Func<T> load)
    {
        lock (Gate)
        {
            var model = load();

            // ONNX Runtime frees its load scratch, but glibc keeps it (see NativeHeap): give it back
            // before the next model's load asks for its own.
            NativeHeap.Trim();
            return model;
        }
    }
}
