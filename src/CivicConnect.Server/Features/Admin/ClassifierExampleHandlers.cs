using System.Security.Claims;
using System.Text;
using CivicConnect.Core.Security;
using CivicConnect.Intelligence.Tuning;
using CivicConnect.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CivicConnect.Server.Features.Admin;

internal static class ClassifierExampleHandlers
{
    /// <summary>Largest CSV accepted by the import.</summary>
    public const int MaxCsvBytes = 2 * 1024 * 1024;

    public static async Task<Ok<ExampleView[]>> List(string? category, string? search, ClassifierEditor editor, CancellationToken cancellationToken) =>
        TypedResults.Ok((await editor.ExamplesAsync(category, search, cancellationToken)).Select(ExampleView.From).ToArray());

    /// <summary>Examples closest in meaning to <paramref name="text"/> (sentence embeddings), most similar first.</summary>
    public static async Task<Ok<SimilarView[]>> Similar(string? text, int? count, ClassifierEditor editor, CancellationToken cancellationToken) =>
        TypedResults.Ok((await editor.SimilarAsync(text, count ?? 10, cancellationToken))
            .Select(s => new SimilarView(ExampleView.From(s.Example), Math.Round(s.Similarity, 4)))
            .ToArray());

    /// <summary>All examples are checked before anything is stored: one bad row refuses the whole request.</summary>
    public static async Task<Created<ExamplesAdded>> Add(ExamplesAdd body, ClaimsPrincipal user, ClassifierEditor editor, CancellationToken cancellationToken)
    {
        var added = await editor.AddExamplesAsync(CivicClaims.ActorOf(user), body.Examples ?? [], cancellationToken);
        return TypedResults.Created($"/admin/classifier/versions/{added.Version.Id}", new ExamplesAdded(added.Added, added.AlreadyPresent, VersionView.From(added.Version)));
    }

    /// <summary>A CSV (text/csv body, or multipart with 'file'): text,category[,expected_priority,locale]; all rows or none.</summary>
    public static async Task<Created<ExamplesAdded>> Import(HttpRequest request, ClaimsPrincipal user, ClassifierEditor editor, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxCsvBytes)
        {
            throw RequestValidationException.For("body", $"At most {MaxCsvBytes / 1024 / 1024} MB.");
        }

        string name;
        Stream body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            var file = form.Files.GetFile("file") ?? throw RequestValidationException.For("file", "Attach the CSV as 'file'.");
            name = file.FileName;
            body = file.OpenReadStream();
        }
        else
        {
            name = "body";
            body = request.Body;
        }

        using var reader = new StreamReader(body, new UTF8Encoding(false, throwOnInvalidBytes: true));
        string csv;
        try
        {
            csv = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            throw RequestValidationException.For("csv", "The CSV is not UTF-8 text.");
        }

        var added = await editor.ImportCsvAsync(CivicClaims.ActorOf(user), new StringReader(csv), name, cancellationToken);
        return TypedResults.Created($"/admin/classifier/versions/{added.Version.Id}", new ExamplesAdded(added.Added, added.AlreadyPresent, VersionView.From(added.Version)));
    }

    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Edit(string id, ExampleInput body, ClaimsPrincipal user, ClassifierEditor editor, CancellationToken cancellationToken) =>
        await editor.EditExampleAsync(CivicClaims.ActorOf(user), id, body, cancellationToken) is { } version
            ? TypedResults.Ok(VersionView.From(version))
            : NoSuchExample(id);

    public static async Task<Results<Ok<VersionView>, ProblemHttpResult>> Remove(string id, ClaimsPrincipal user, ClassifierEditor editor, CancellationToken cancellationToken) =>
        await editor.RemoveExampleAsync(CivicClaims.ActorOf(user), id, cancellationToken) is { } version
            ? TypedResults.Ok(VersionView.From(version))
            : NoSuchExample(id);

    private static ProblemHttpResult NoSuchExample(string id) =>
        TypedResults.Problem(statusCode: 404, title: "No such example", detail: $"The working version has no example '{id}'.");
}
