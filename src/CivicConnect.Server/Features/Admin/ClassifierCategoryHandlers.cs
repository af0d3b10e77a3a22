using System.Security.Claims;
using CivicConnect.Core.Security;
using CivicConnect.Intelligence.Tuning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierCategoryHandlers
{
    public static async Task<Ok<CategoryView[]>> List(ClassifierEditor editor, CancellationToken cancellationToken) =>
        TypedResults.Ok((await editor.CategoriesAsync(cancellationToken))
            .Select(c => new CategoryView(c.Code, c.Description, c.DefaultPriority.ToString().ToLowerInvariant(), c.Examples, c.Photos))
            .ToArray());

    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> EditDescription(
        string code, DescriptionEdit body, ClaimsPrincipal user, ClassifierEditor editor, CancellationToken cancellationToken) =>
        await editor.EditDescriptionAsync(CivicClaims.ActorOf(user), code, body.Locale, body.Text, cancellationToken) is { } version
            ? TypedResults.Ok(VersionView.From(version))
            : TypedResults.Problem(statusCode: 404, title: "No such category", detail: $"The classifier has no category '{code}'.");
}
