using CivicConnect.Core.Issues;
using System.Diagnostics;
using System.Text.Json;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Embedded;
using CivicConnect.Intelligence.Embeddings;
using CivicConnect.Intelligence.Evaluation;
using CivicConnect.Intelligence.Llm;
using Microsoft.Extensions.Options;

namespace CivicConnect.Server.Commands;

/// <summary><c>civic eval</c> and <c>civic train</c>: measure the classifier on a labelled CSV, import labelled history.</summary>
internal static class ClassifierCommands
{
    public static async Task<int> EvalAsync(IServiceProvider services, string file, string[] options, CancellationToken cancellationToken)
    {
        var set = LabelledSetCsv.Read(file);
        var mode = Mode(options);
        var llm = mode == EvaluationMode.Llm ? ThroughLlm(services) : null; // refused before the model is built
        var definition = Option(options, "--draft") is { } draft ? ReadDraft(draft) : await services.GetRequiredService<IClassifierDefinitionSource>().GetCurrentAsync(cancellationToken);
        var settings = Settings(services, options);
        var embedder = services.GetRequiredService<ITextEmbedder>();
        var (model, buildTime) = Build(services, definition, settings);
        Console.Error.WriteLine($"definition v{definition.Version} \"{definition.Label}\": {definition.Categories.Count} categories, {model.ExampleCount} examples; {settings.Head} head built in {buildTime.TotalSeconds:F1} s (T = {model.Temperature:F2})");
        IClassifier classifier = llm is not null
            ? llm.For(model)
            : new DefinitionClassifier(model, embedder);
        var recorder = new RecordingClassifier(classifier);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var report = await ClassifierEvaluator.EvaluateAsync(recorder, set, cancellationToken, Progress(set.Count), code => definition.Find(code)?.DefaultPriority);
        var cpuPerMessage = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / Math.Max(set.Count, 1);
        Console.Error.WriteLine();
        Console.WriteLine(llm is not null
            ? $"{Path.GetFileName(file)}: LLM {services.GetRequiredService<IOptions<LlmOptions>>().Value.Model} (few shots from the {settings.Head} head's examples)"
            : $"{Path.GetFileName(file)}: {settings.Head} head");
        Console.Write(EvaluationTable.Format(report));
        Console.WriteLine($"CPU per message (whole process, all threads): {cpuPerMessage:F1} ms");
        Console.WriteLine(LocaleBreakdown.Format(set, recorder.Answers));
        Console.Write(CoverageCurve.Format(CoverageCurve.Compute(set, recorder.Answers)));
        if (options.Contains("--errors"))
        {
            // For tuning sets only: a held-out set is judged by its aggregate figures, never its errors.
            Console.WriteLine();
            for (var i = 0; i < set.Count; i++)
            {
                var answer = recorder.Answers[i];
                if (!string.Equals(answer.CategoryCode, set[i].CategoryCode, StringComparison.OrdinalIgnoreCase))
                {
                    Console.WriteLine($"{set[i].CategoryCode} -> {answer.CategoryCode ?? ClassifierEvaluator.NoAnswer} ({answer.Confidence:F2}): {set[i].Text}");
                }
                else if (set[i].ExpectedPriority is { } expected && (expected == Priority.Urgent) != (answer.Priority == Priority.Urgent))
                {
                    Console.WriteLine($"{set[i].CategoryCode} priority {expected} -> {answer.Priority?.ToString() ?? "none"}: {set[i].Text}");
                }
            }
        }

        return 0;
    }

    public static async Task<int> TrainAsync(IServiceProvider services, string file, string[] options, CancellationToken cancellationToken)
    {
        var rows = LabelledSetCsv.Read(file);
        var current = await services.GetRequiredService<IClassifierDefinitionSource>().GetCurrentAsync(cancellationToken);
        var import = ExampleImport.Prepare(rows, current);
        Console.Error.WriteLine($"{rows.Count} rows: {import.Training.Count} new training examples, {import.HeldOut.Count} held out, {import.Duplicates} duplicates and {import.UnknownCategory} with an unknown category skipped");
        if (import.Training.Count == 0)
        {
            Console.WriteLine("nothing new to import");
            return 0;
        }

        var settings = Settings(services, options);
        var embedder = services.GetRequiredService<ITextEmbedder>();
        if (import.HeldOut.Count > 0)
        {
            Console.Error.WriteLine("measuring on the held-out rows: the current examples, then with the imported ones");
            var (before, _) = Build(services, current, settings);
            var baseline = await ClassifierEvaluator.EvaluateAsync(new DefinitionClassifier(before, embedder), import.HeldOut, cancellationToken, Progress(import.HeldOut.Count));
            Console.Error.WriteLine();
            var (after, _) = Build(services, current with { Examples = [.. current.Examples, .. import.Training] }, settings);
            var trained = await ClassifierEvaluator.EvaluateAsync(new DefinitionClassifier(after, embedder), import.HeldOut, cancellationToken, Progress(import.HeldOut.Count));
            Console.Error.WriteLine();
            Console.WriteLine($"held-out {import.HeldOut.Count} rows: accuracy {baseline.Accuracy:P1} -> {trained.Accuracy:P1}, macro-F1 {baseline.MacroF1:P1} -> {trained.MacroF1:P1}");
        }

        if (options.Contains("--dry-run"))
        {
            Console.WriteLine("dry run: nothing written");
            return 0;
        }

        var where = await services.GetRequiredService<IExampleSink>().AddAsync(import.Training, cancellationToken);
        Console.WriteLine($"imported {import.Training.Count} examples into {where}");
        return 0;
    }

    private static EvaluationMode Mode(string[] options) =>
        Option(options, "--mode") is not { } mode ? EvaluationMode.Embedded
        : Enum.TryParse<EvaluationMode>(mode, ignoreCase: true, out var parsed) ? parsed
        : throw new InvalidDataException($"unknown --mode '{mode}' (embedded, llm)");

    private static LlmEvaluation ThroughLlm(IServiceProvider services) =>
        services.GetService<LlmEvaluation>()
        ?? throw new InvalidDataException("--mode llm needs an endpoint and a model: set Classifier:Llm:Endpoint and Classifier:Llm:Model (e.g. Classifier__Llm__Endpoint=http://127.0.0.1:11434/v1 Classifier__Llm__Model=NAME in the environment)");

    /// <summary>A draft is a prompts-style folder or a JSON <see cref="ClassifierDefinition"/> (as the admin API exports it).</summary>
    private static ClassifierDefinition ReadDraft(string path) =>
        Directory.Exists(path)
            ? ClassifierDefinitionLoader.Load(path)
            : JsonSerializer.Deserialize<ClassifierDefinition>(File.ReadAllText(path), ClassifierDefinitionLoader.Json) ?? throw new InvalidDataException($"{path} is empty");

    private static ClassifierOptions Settings(IServiceProvider services, string[] options)
    {
        var configured = services.GetRequiredService<IOptions<ClassifierOptions>>().Value;
        return new ClassifierOptions
        {
            Head = Option(options, "--head") is { } head ? Enum.Parse<ClassifierHead>(head, ignoreCase: true) : configured.Head,
            Neighbours = configured.Neighbours,
            MinimumSimilarity = configured.MinimumSimilarity,
            MinimumConfidence = configured.MinimumConfidence,
            CandidateFloor = configured.CandidateFloor,

            // --french off measures what the French lexicon brings.
            TranslateFrench = Option(options, "--french") is { } french ? french != "off" : configured.TranslateFrench,
        };
    }

    private static (EmbeddingClassifierModel Model, TimeSpan Elapsed) Build(IServiceProvider services, ClassifierDefinition definition, ClassifierOptions settings)
    {
        var started = Stopwatch.GetTimestamp();
        var model = services.GetRequiredService<EmbeddingModelCache>().Get(definition, settings);
        return (model, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A one-line progress bar on stderr, so stdout stays the report.</summary>
    private static ConsoleProgress Progress(int total) => new(total);

    private static string? Option(string[] options, string name)
    {
        var index = Array.IndexOf(options, name);
        return index >= 0 && index + 1 < options.Length ? options[index + 1] : null;
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool and would print out of order).</summary>
    private sealed class ConsoleProgress(int total) : IProgress<int>
    {
        public void Report(int value)
        {
            if (value == total || value % 10 == 0)
            {
                var width = 30 * value / Math.Max(total, 1);
                Console.Error.Write($"\r  [{new string('#', width)}{new string('.', 30 - width)}] {value}/{total}");
            }
        }
    }
}
