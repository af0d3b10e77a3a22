using CivicConnect.Core.Hosting;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Evaluation;
using Microsoft.Extensions.Options;

namespace CivicConnect.Intelligence.Tuning;

/// <summary>The labelled set the publish gate and the "evaluate draft" view measure on; read again only when the file changes.</summary>
public sealed class GateEvaluationSet(IOptions<PublishGateOptions> options)
{
    private (string Path, DateTime Written, IReadOnlyList<LabelledExample> Set)? loaded;

    public string Path => Resolve();

    public IReadOnlyList<LabelledExample> Load()
    {
        var path = Resolve();
        var written = File.GetLastWriteTimeUtc(path);
        if (loaded is { } known && known.Path == path && known.Written == written)
        {
            return known.Set;
        }

        var set = LabelledSetCsv.Read(path);
        loaded = (path, written, set);
        return set;
    }

    private string Resolve()
    {
        if (options.Value.EvaluationSet is { Length: > 0 } configured)
        {
            return System.IO.Path.IsPathRooted(configured) ? configured : System.IO.Path.Combine(RepositoryPaths.RootDirectory, configured);
        }

        return Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryPaths.Prompts, "eval"), "*.csv").Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new FileNotFoundException("prompts/eval has no evaluation file.");
    }
}
