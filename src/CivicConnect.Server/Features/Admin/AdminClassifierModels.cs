using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Tuning;

namespace CivicConnect.Server.Features.Admin;

public sealed record VersionView(
    int Id,
    string State,
    int? BasedOn,
    string Change,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? PublishedBy,
    DateTimeOffset? PublishedAt,
    int Examples,
    int Photos,
    string? PublishReason = null,
    double? GateBaselineMacroF1 = null,
    double? GateMacroF1 = null)
{
    public static VersionView From(ClassifierVersion version)
    {
        var snapshot = ClassifierSnapshot.FromJson(version.Snapshot);
        return new VersionView(version.Id, version.State.ToString().ToLowerInvariant(), version.BasedOnId, version.Change, version.CreatedBy, version.CreatedAt,
            version.PublishedBy, version.PublishedAt, snapshot.Definition.Examples.Count, snapshot.GalleryPhotoIds.Count,
            version.PublishReason, version.GateBaselineMacroF1, version.GateMacroF1);
    }
}

public sealed record VersionDetail(VersionView Version, ClassifierDefinition Definition, IReadOnlyList<long> GalleryPhotoIds);

public sealed record CategoryView(string Code, IReadOnlyDictionary<string, string> Description, string DefaultPriority, int Examples, int Photos);

public sealed record DescriptionEdit(string? Locale, string? Text);

public sealed record ExampleView(string Id, string Text, string Locale, string Category, string? ExpectedPriority)
{
    public static ExampleView From(LabelledExample example) =>
        new(ExampleIds.Of(example), example.Text, example.Locale, example.CategoryCode, example.ExpectedPriority?.ToString().ToLowerInvariant());
}

public sealed record ExamplesAdd(IReadOnlyList<ExampleInput>? Examples);

public sealed record ExamplesAdded(int Added, int AlreadyPresent, VersionView Version);

public sealed record PhotoView(long Id, string Category, string PhotoUrl, string? ThumbnailUrl, string AddedBy, DateTimeOffset AddedAt, string? Note);

public sealed record PhotoAdded(PhotoView Photo, VersionView Version);

public sealed record PromptView(int Version, string Template);

public sealed record PromptEdit(string? Template);

public sealed record TryRequest(string? Text, string? Locale, string? Version);

public sealed record TryResult(int Version, string? Category, double Confidence, IReadOnlyList<CandidateView> Candidates, string? Priority, string? LocationText);

public sealed record CandidateView(string Code, double Score);

public sealed record EvaluationResult(int Version, string Source, Intelligence.Evaluation.EvaluationReport Report);

/// <param name="Reason">Why to publish although the gate measured a regression; kept in the version history.</param>
public sealed record PublishRequest(string? Reason);

public sealed record SimilarView(ExampleView Example, double Similarity);
