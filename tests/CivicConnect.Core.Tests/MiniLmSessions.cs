namespace CivicConnect.Core.Tests;

/// <summary>
/// Tests that create a MiniLM session of their own (reading the model resource, so its pages come back in)
/// never run beside the test that checks those pages are released.
/// </summary>
[CollectionDefinition(Name)]
public sealed class MiniLmSessions
{
    public const string Name = "MiniLM sessions";
}
