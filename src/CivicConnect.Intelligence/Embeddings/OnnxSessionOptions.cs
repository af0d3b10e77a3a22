using Microsoft.ML.OnnxRuntime;

namespace CivicConnect.Intelligence.Embeddings;

/// <summary>
/// The ONNX Runtime session options every in-process model (MiniLM, ResNet18) is loaded with: sized
/// for a node on a couple of cores that runs many turns at once (issue 15). One session per model is
/// shared by every thread.
/// </summary>
public static class OnnxSessionOptions
{
    public static SessionOptions ForSharedCpuSession()
    {
        var options = new SessionOptions
        {
            // The CPU arena keeps the largest buffers any call ever needed and never returns them: with
            // the classifier's examples embedded in one large batch that was gigabytes of resident memory.
            // Plain allocations are freed after each run.
            EnableCpuMemArena = false,

            // Memory patterns plan buffers for one input shape; every sentence has its own length, so
            // they only hold more memory.
            EnableMemoryPattern = false,

            // The turn workers already run several turns at once. Each run on its caller's thread (one
            // intra-op thread) avoids a second pool of threads fighting the workers for the same cores.
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };

        // Idle intra-op threads spin waiting for work by default, burning a core that the turns need.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return options;
    }
}
