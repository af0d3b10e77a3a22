namespace CivicConnect.Data.Entities;

/// <summary>
/// A system outside the city (work-order tool, CRM) that follows reports without polling: every
/// report event (created, transitioned, escalated, commented) of its department — or of all
/// departments when <see cref="DepartmentId"/> is null — is POSTed to <see cref="Url"/> as a signed CloudEvent.
/// </summary>
public sealed class EventSubscriber
{
    public int Id { get; set; }

    /// <summary>What supervisors call it ("Roads work orders").</summary>
    public required string Name { get; set; }

    public required string Url { get; set; }

    /// <summary>The department whose reports it hears about; null: every department's.</summary>
    public int? DepartmentId { get; set; }

    public Department? Department { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
