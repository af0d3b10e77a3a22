using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Data;
using CivicConnect.Intelligence.Tuning;
using CivicConnect.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierCategoryHandlers
{
    public static async Task<Ok<CategoryView[]>> List(ClassifierTuning tuning, CivicDbContext db, CancellationToken cancellationToken)
    {
        var snapshot = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);
        var ids = snapshot.GalleryPhotoIds.ToList();
        var photos = await db.GalleryPhotos.AsNoTracking().Where(p => ids.Contains(p.Id))
            .GroupBy(p => p.CategoryCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var categories = snapshot.Definition.Categories
            .Select(c => new CategoryView(
                c.Code,
                c.Description,
                c.DefaultPriority.ToString().ToLowerInvariant(),
                snapshot.Definition.Examples.Count(e => string.Equals(e.CategoryCode, c.Code, StringComparison.OrdinalIgnoreCase)),
                photos.GetValueOrDefault(c.Code)))
            .ToArray();
        return TypedResults.Ok(categories);
    }

    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> EditDescription(
        string code, DescriptionEdit body, ClaimsPrincipal user, ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        var locale = AdminInput.Locale("locale", body.Locale, "en");
        var text = AdminInput.Text("text", body.Text, AdminInput.MaxDescriptionLength);
        var working = ClassifierSnapshot.FromJson((await tuning.WorkingVersionAsync(cancellationToken)).Snapshot);
        if (working.Definition.Find(code) is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "No such category", detail: $"The classifier has no category '{code}'.");
        }

        var version = await tuning.ChangeAsync(CivicClaims.ActorOf(user), $"description of {code} ({locale}) edited", snapshot =>
        {
            var category = snapshot.Definition.Find(code) ?? throw RequestValidationException.For("code", $"Unknown category '{code}'.");
            var description = new Dictionary<string, string>(category.Description, StringComparer.OrdinalIgnoreCase) { [locale] = text };
            var categories = snapshot.Definition.Categories.Select(c => c == category ? c with { Description = description } : c).ToList();
            return Task.FromResult(snapshot with { Definition = snapshot.Definition with { Categories = categories } });
        }, cancellationToken);
        return TypedResults.Ok(VersionView.From(version));
    }
}
