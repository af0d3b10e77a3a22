using CivicConnect.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Server.Features.Categories;

internal static class CategoryEndpoints
{
    public static RouteGroupBuilder MapCategories(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/categories").WithTags("Categories");
        group.MapGet("/", ListCategories).WithName("ListCategories");
        return group;
    }

    public static async Task<Ok<CategorySummary[]>> ListCategories(CivicDbContext db, string? locale, CancellationToken cancellationToken)
    {
        var rows = await db.ServiceCategories.AsNoTracking()
            .Where(c => c.Active)
            .OrderBy(c => c.SortOrder)
            .Select(c => new { c.Code, c.Name, c.Description, Department = c.Department!.Code, c.DefaultPriority, c.SlaHours })
            .ToListAsync(cancellationToken);
        var categories = rows
            .Select(c => new CategorySummary(c.Code, c.Name.For(locale), c.Description.For(locale), c.Department, c.DefaultPriority.ToString().ToLowerInvariant(), c.SlaHours))
            .ToArray();
        return TypedResults.Ok(categories);
    }
}

public sealed record CategorySummary(string Code, string Name, string Description, string Department, string DefaultPriority, int SlaHours);
