using System.Security.Claims;
using CivicConnect.Core.Issues;
using CivicConnect.Core.Security;
using CivicConnect.Data.Entities;
using CivicConnect.Intelligence.Definitions;
using CivicConnect.Intelligence.Evaluation;
using CivicConnect.Intelligence.Tuning;
using CivicConnect.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierExampleHandlers
{
    public static async Task<Ok<ExampleView[]>> List(string? category, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        var snapshot = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);
        var examples = snapshot.Definition.Examples
            .Where(e => category is null || string.Equals(e.CategoryCode, category, StringComparison.OrdinalIgnoreCase))
            .Select(ExampleView.From)
            .ToArray();
        return TypedResults.Ok(examples);
    }

    /// <summary>All examples are checked before anything is stored: one bad row refuses the whole request.</summary>
    public static async Task<Created<ExamplesAdded>> Add(ExamplesAdd body, ClaimsPrincipal user, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        if (body.Examples is not { Count: > 0 } inputs)
        {
            throw RequestValidationException.For("examples", "Give at least one example.");
        }

        if (inputs.Count > AdminInput.MaxExamplesPerRequest)
        {
            throw RequestValidationException.For("examples", $"At most {AdminInput.MaxExamplesPerRequest} examples a request.");
        }

        var working = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);
        var examples = inputs.Select((input, i) => ToExample(input, i, working)).ToList();
        var added = 0;
        var version = await tuning.ChangeAsync(CivicClaims.ActorOf(user), Describe(examples), snapshot =>
        {
            var existing = snapshot.Definition.Examples.ToHashSet();
            var fresh = examples.Distinct().Where(e => !existing.Contains(e)).ToList();
            if (fresh.Count == 0)
            {
                throw RequestValidationException.For("examples", "Every example given is already there.");
            }

            added = fresh.Count;
            return Task.FromResult(snapshot with { Definition = snapshot.Definition with { Examples = [.. snapshot.Definition.Examples, .. fresh] } });
        }, cancellationToken);
        return TypedResults.Created($"/admin/classifier/versions/{version.Id}", new ExamplesAdded(added, examples.Count - added, VersionView.From(version)));
    }

    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Remove(string id, ClaimsPrincipal user, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        var working = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);
        var example = working.Definition.Examples.FirstOrDefault(e => ExampleIds.Of(e) == id);
        if (example is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No such example", detail: $"The working version has no example '{id}'.");
        }

        var version = await tuning.ChangeAsync(CivicClaims.ActorOf(user), $"removed example \"{Short(example.Text)}\" from {example.CategoryCode}", snapshot =>
            Task.FromResult(snapshot with { Definition = snapshot.Definition with { Examples = snapshot.Definition.Examples.Where(e => ExampleIds.Of(e) != id).ToList() } }),
            cancellationToken);
        return TypedResults.Ok(VersionView.From(version));
    }

    private static LabelledExample ToExample(ExampleInput input, int index, ClassifierSnapshot working)
    {
        var text = AdminInput.Text($"examples[{index}].text", input.Text, AdminInput.MaxExampleLength);
        var category = AdminInput.Category($"examples[{index}].category", input.Category, working);
        var locale = AdminInput.Locale($"examples[{index}].locale", input.Locale, LocaleGuess.Guess(text));
        Priority? priority = null;
        if (!string.IsNullOrWhiteSpace(input.ExpectedPriority))
        {
            priority = Enum.TryParse<Priority>(input.ExpectedPriority, ignoreCase: true, out var p) && Enum.IsDefined(p)
                ? p
                : throw RequestValidationException.For($"examples[{index}].expectedPriority", "One of low, normal, high, urgent.");
        }

        return new LabelledExample(text, locale, category.Code, priority);
    }

    private static string Describe(List<LabelledExample> examples)
    {
        var byCategory = examples.GroupBy(e => e.CategoryCode).Select(g => $"{g.Count()} to {g.Key}");
        return $"added {examples.Count} example{(examples.Count == 1 ? "" : "s")}: {string.Join(", ", byCategory)}";
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
