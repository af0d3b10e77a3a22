using CivicConnect.Core.Hosting;

namespace CivicConnect.Intelligence.Definitions;

/// <summary>Appends imported examples to <c>prompts/categories/imported.examples.json</c> (read on the next start).</summary>
public sealed class FileExampleSink(string promptsDirectory) : IExampleSink
{
    public FileExampleSink()
        : this(RepositoryPaths.Prompts)
    {
    }

    public string FilePath => Path.Combine(promptsDirectory, "categories", "imported" + ClassifierDefinitionLoader.ImportedExamplesSuffix);

    public ValueTask<string> AddAsync(IReadOnlyList<LabelledExample> examples, CancellationToken cancellationToken)
    {
        var existing = File.Exists(FilePath) ? ClassifierDefinitionLoader.ReadExamples(FilePath) : [];
        ClassifierDefinitionLoader.WriteExamples(FilePath, existing.Concat(examples));
        return ValueTask.FromResult(FilePath);
    }
}
