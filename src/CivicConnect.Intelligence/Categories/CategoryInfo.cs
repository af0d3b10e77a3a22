using CivicConnect.Core.Issues;
using CivicConnect.Core.Text;
using CivicConnect.Data.Entities;

namespace CivicConnect.Intelligence.Categories;

/// <summary>An active service category as the classifier and the dialog see it (read-only snapshot).</summary>
public sealed record CategoryInfo(
    int Id,
    string Code,
    LocalizedText Name,
    LocalizedText Description,
    Priority DefaultPriority,
    int SlaHours,
    IReadOnlyDictionary<string, string[]> Keywords,
    IReadOnlyDictionary<string, string[]> UrgentKeywords,
    int SortOrder);
