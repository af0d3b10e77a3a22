using CivicConnect.Data;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Staff.Map;

/// <summary>
/// Each category's colour on the map, in the catalogue's order. The colours are dark enough for
/// white text on them (a cluster's count) and are never the only sign: the legend names each one,
/// and every marker's title and the list under the map say the category in words.
/// </summary>
public sealed class CategoryLegend(CivicDbContext db)
{
    internal static readonly string[] Palette =
    [
        "#b71c1c", "#0d47a1", "#1b5e20", "#6a1b9a", "#bf360c", "#006064", "#880e4f", "#4e342e",
        "#33691e", "#1a237e", "#004d40", "#ad1457", "#37474f", "#5d4037", "#283593",
    ];

    public async Task<IReadOnlyList<CategoryColour>> ListAsync(string locale, CancellationToken cancellationToken)
    {
        var categories = await db.ServiceCategories.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new { c.Code, c.Name })
            .ToListAsync(cancellationToken);
        return [.. categories.Select((c, i) => new CategoryColour(c.Code, c.Name.For(locale), Palette[i % Palette.Length]))];
    }
}

public sealed record CategoryColour(string Code, string Name, string Colour);
