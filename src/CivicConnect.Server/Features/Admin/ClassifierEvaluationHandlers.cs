using System.Text;
using System.Text.Json;
using CivicConnect.Core.Hosting;
using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Classification;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Evaluation;
using CivicConnect.Intelligence.Tuning;
using CivicConnect.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierEvaluationHandlers
{
    /// <summary>Largest labelled set accepted in one request (rows) and as a body (bytes).</summary>
    public const int MaxRows = 2_000;
    public const int MaxBodyBytes = 2 * 1024 * 1024;

    public static async Task<Results<Ok<EvaluationResult>, ProblemHttpResult>> Evaluate(
        HttpRequest request, string? version, string? mode, ClassifierTuning tuning, VersionClassifiers classifiers, CancellationToken cancellationToken)
    {
        var through = EvaluationModeQuery.Parse(mode);
        if (through == EvaluationMode.Llm && !classifiers.LlmAvailable)
        {
            return EvaluationModeQuery.NoLlm();
        }

        if (await ResolveAsync(version, tuning, cancellationToken) is not { } target)
        {
            return NoSuchVersion(version);
        }

        var snapshot = ClassifierSnapshot.FromJson(target.Snapshot);
        var (set, source) = await ReadSetAsync(request, snapshot, cancellationToken);
        var classifier = through == EvaluationMode.Llm
            ? await classifiers.ThroughLlmAsync(snapshot, cancellationToken)
            : classifiers.For(target.Id, snapshot);
        var report = await ClassifierEvaluator.EvaluateAsync(classifier, set, cancellationToken, defaultPriority: code => snapshot.Definition.Find(code)?.DefaultPriority);
        return TypedResults.Ok(new EvaluationResult(target.Id, source, report));
    }

    public static async Task<Results<Ok<TryResult>, ProblemHttpResult>> Classify(
        TryRequest body, ClassifierTuning tuning, VersionClassifiers classifiers, CancellationToken cancellationToken)
    {
        var text = TuningInput.Text("text", body.Text, 2000);
        var locale = TuningInput.Locale("locale", body.Locale, LocaleGuess.Guess(text));
        var target = body.Version is null ? await tuning.WorkingVersionAsync(cancellationToken) : await ResolveAsync(body.Version, tuning, cancellationToken);
        if (target is null)
        {
            return NoSuchVersion(body.Version);
        }

        var result = await classifiers.For(target.Id, ClassifierSnapshot.FromJson(target.Snapshot))
            .ClassifyAsync(new ClassificationInput(text, locale, []), cancellationToken);
        return TypedResults.Ok(new TryResult(target.Id, result.CategoryCode, result.Confidence,
            result.Candidates.Select(c => new CandidateView(c.Code, c.Score)).ToList(), result.Priority?.ToString().ToLowerInvariant(), result.LocationText));
    }

    /// <summary>"draft", "published" (the default) or a version number.</summary>
    private static async Task<ClassifierVersion?> ResolveAsync(string? version, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        var wanted = version?.Trim().ToLowerInvariant();
        if (wanted is null or "" or "published" or "current")
        {
            var working = (await tuning.ListAsync(cancellationToken)).First(v => v.State == ClassifierVersionState.Published);
            return working;
        }

        if (wanted == "draft")
        {
            return await tuning.DraftAsync(cancellationToken);
        }

        return int.TryParse(wanted, out var id)
            ? await tuning.FindAsync(id, cancellationToken)
            : throw RequestValidationException.For("version", "'draft', 'published' or a version number.");
    }

    private static async Task<(IReadOnlyList<LabelledExample> Set, string Source)> ReadSetAsync(HttpRequest request, ClassifierSnapshot snapshot, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && request.ContentType is null))
        {
            return (LabelledSetCsv.Read(ShippedEvaluationFile()), "shipped evaluation file");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            throw RequestValidationException.For("body", $"At most {MaxBodyBytes / 1024 / 1024} MB.");
        }

        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        IReadOnlyList<LabelledExample> set = mediaType switch
        {
            "application/json" => await ReadJsonAsync(request, snapshot, cancellationToken),
            "text/csv" => ReadCsv(await ReadBodyAsync(request.Body, cancellationToken), "body"),
            "multipart/form-data" => await ReadUploadAsync(request, cancellationToken),
            _ => throw RequestValidationException.For("Content-Type", "Send application/json ({\"examples\":[…]}), text/csv, or multipart/form-data with a CSV 'file'; or no body for the shipped evaluation file."),
        };

        if (set.Count == 0)
        {
            throw RequestValidationException.For("examples", "The labelled set has no rows.");
        }

        if (set.Count > MaxRows)
        {
            throw RequestValidationException.For("examples", $"At most {MaxRows} rows ({set.Count} given).");
        }

        var unknown = set.Select(e => e.CategoryCode).FirstOrDefault(c => snapshot.Definition.Find(c) is null);
        if (unknown is not null)
        {
            throw RequestValidationException.For("category", $"Unknown category '{unknown}'.");
        }

        return (set, mediaType == "application/json" ? "request" : "CSV");
    }

    private static async Task<IReadOnlyList<LabelledExample>> ReadJsonAsync(HttpRequest request, ClassifierSnapshot snapshot, CancellationToken cancellationToken)
    {
        var body = await JsonSerializer.DeserializeAsync<ExamplesAdd>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        return (body?.Examples ?? []).Select((e, i) => new LabelledExample(
            TuningInput.Text($"examples[{i}].text", e.Text, 2000),
            TuningInput.Locale($"examples[{i}].locale", e.Locale, LocaleGuess.Guess(e.Text ?? string.Empty)),
            TuningInput.Category($"examples[{i}].category", e.Category, snapshot).Code,
            Enum.TryParse<Priority>(e.ExpectedPriority, ignoreCase: true, out var p) ? p : null)).ToList();
    }

    private static async Task<IReadOnlyList<LabelledExample>> ReadUploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file") ?? throw RequestValidationException.For("file", "Attach the CSV as 'file'.");
        if (file.Length > MaxBodyBytes)
        {
            throw RequestValidationException.For("file", $"At most {MaxBodyBytes / 1024 / 1024} MB.");
        }

        await using var stream = file.OpenReadStream();
        return ReadCsv(await ReadBodyAsync(stream, cancellationToken), file.FileName);
    }

    private static IReadOnlyList<LabelledExample> ReadCsv(string csv, string name)
    {
        try
        {
            return LabelledSetCsv.Read(new StringReader(csv), name);
        }
        catch (InvalidDataException invalid)
        {
            throw RequestValidationException.For("csv", invalid.Message);
        }
    }

    private static async Task<string> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        var buffer = new char[MaxBodyBytes + 1];
        var read = 0;
        try
        {
            int n;
            while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
            {
                read += n;
            }
        }
        catch (DecoderFallbackException)
        {
            throw RequestValidationException.For("csv", "The CSV is not UTF-8 text.");
        }

        return read > MaxBodyBytes
            ? throw RequestValidationException.For("body", $"At most {MaxBodyBytes / 1024 / 1024} MB.")
            : new string(buffer, 0, read);
    }

    private static string ShippedEvaluationFile() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Prompts, "eval"), "*.csv").Order(StringComparer.Ordinal).FirstOrDefault()
        ?? throw new FileNotFoundException("prompts/eval has no evaluation file.");

    private static ProblemHttpResult NoSuchVersion(string? version) =>
        TypedResults.Problem(statusCode: 404, title: "No such version", detail: version == "draft" ? "There is no open draft." : $"There is no classifier version '{version}'.");
}
