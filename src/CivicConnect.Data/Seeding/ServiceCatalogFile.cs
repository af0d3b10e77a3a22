using CivicConnect.Core.Issues;
using CivicConnect.Data.Entities;

namespace CivicConnect.Data.Seeding;

/// <summary>The shape of <c>seed/service-catalog.json</c>: a city's departments and service categories.</summary>
public sealed record ServiceCatalogFile(IReadOnlyList<DepartmentSeed> Departments, IReadOnlyList<CategorySeed> Categories);

public sealed record DepartmentSeed(
    string Code,
    Dictionary<string, string> Name,
    string? ContactEmail,
    string? ContactPhone,
    int DefaultSlaHours,
    string? WebhookUrl = null,
    NewReportNotice NewReports = NewReportNotice.Off,
    string Locale = "en");

public sealed record CategorySeed(
    string Code,
    Dictionary<string, string> Name,
    Dictionary<string, string> Description,
    string Department,
    Priority DefaultPriority,
    int SlaHours,
    Dictionary<string, string>? Group,
    Dictionary<string, string[]>? Keywords,
    Dictionary<string, string[]>? UrgentKeywords,
    bool Active = true);
