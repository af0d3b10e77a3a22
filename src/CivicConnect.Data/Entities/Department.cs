using CivicConnect.Core.Text;

namespace CivicConnect.Data.Entities;

public sealed class Department
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required LocalizedText Name { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactPhone { get; set; }

    /// <summary>The department's own system (work-order tool, chat bridge): escalation alerts are POSTed here as signed JSON.</summary>
    public string? WebhookUrl { get; set; }

    public int DefaultSlaHours { get; set; }
}
