using System.Text.Json;
using System.Text.Json.Serialization;
using CivicConnect.Core.Text;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Data.Seeding;

/// <summary>
/// Loads the departments and service categories from the seed file. Matching is by code, so
/// running it again updates wording and settings without touching issues that use them.
/// </summary>
public sealed class ServiceCatalogSeeder(CivicDbContext db)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static ServiceCatalogFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<ServiceCatalogFile>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        Validate(file, path);
        return file;
    }

    public async Task<SeedResult> SeedAsync(ServiceCatalogFile file, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        foreach (var seed in file.Departments)
        {
            if (!departments.TryGetValue(seed.Code, out var department))
            {
                department = new Department { Code = seed.Code, Name = [] };
                db.Departments.Add(department);
                departments[seed.Code] = department;
            }

            department.Name = new LocalizedText(seed.Name);
            department.ContactEmail = seed.ContactEmail;
            department.ContactPhone = seed.ContactPhone;
            department.WebhookUrl = seed.WebhookUrl;
            department.DefaultSlaHours = seed.DefaultSlaHours;
            department.NewReports = seed.NewReports;
            department.Locale = seed.Locale;
        }

        await db.SaveChangesAsync(cancellationToken);

        var categories = await db.ServiceCategories.ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var order = 0;
        foreach (var seed in file.Categories)
        {
            if (!categories.TryGetValue(seed.Code, out var category))
            {
                category = new ServiceCategory { Code = seed.Code, Name = [], Description = [] };
                db.ServiceCategories.Add(category);
            }

            category.Name = new LocalizedText(seed.Name);
            category.Description = new LocalizedText(seed.Description);
            category.DepartmentId = departments[seed.Department].Id;
            category.DefaultPriority = seed.DefaultPriority;
            category.SlaHours = seed.SlaHours;
            category.Group = new LocalizedText(seed.Group ?? []);
            category.Keywords = seed.Keywords ?? [];
            category.UrgentKeywords = seed.UrgentKeywords ?? [];
            category.Active = seed.Active;
            category.SortOrder = order++;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeedResult(file.Departments.Count, file.Categories.Count);
    }

    private static void Validate(ServiceCatalogFile file, string path)
    {
        var problems = new List<string>();
        var departmentCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var department in file.Departments ?? [])
        {
            if (string.IsNullOrWhiteSpace(department.Code) || !departmentCodes.Add(department.Code))
            {
                problems.Add($"department '{department.Code}': missing or repeated code");
            }

            if (department.Locale is not ("en" or "fr"))
            {
                problems.Add($"department '{department.Code}': locale must be \"en\" or \"fr\"");
            }
        }

        var categoryCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var category in file.Categories ?? [])
        {
            if (string.IsNullOrWhiteSpace(category.Code) || !categoryCodes.Add(category.Code))
            {
                problems.Add($"category '{category.Code}': missing or repeated code");
            }

            if (!departmentCodes.Contains(category.Department ?? string.Empty))
            {
                problems.Add($"category '{category.Code}': unknown department '{category.Department}'");
            }

            if (category.Name is null || !category.Name.ContainsKey("en") || category.Description is null || !category.Description.ContainsKey("en"))
            {
                problems.Add($"category '{category.Code}': needs an English name and description");
            }

            if (category.SlaHours <= 0)
            {
                problems.Add($"category '{category.Code}': slaHours must be positive");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{path}: {string.Join("; ", problems)}");
        }
    }
}

public sealed record SeedResult(int Departments, int Categories);
