using CivicConnect.Core.Hosting;

namespace CivicConnect.Intelligence.Definitions;

/// <summary>Serves the definition shipped in <c>prompts/</c>, read once (the files change with a deploy).</summary>
public sealed class FileClassifierDefinitionSource : IClassifierDefinitionSource
{
    private readonly Lazy<ClassifierDefinition> definition;

    public FileClassifierDefinitionSource()
        : this(RepositoryPaths.Prompts)
    {
    }

    public FileClassifierDefinitionSource(string promptsDirectory)
    {
        definition = new(() => ClassifierDefinitionLoader.Load(promptsDirectory), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ValueTask<ClassifierDefinition> GetCurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(definition.Value);
}
