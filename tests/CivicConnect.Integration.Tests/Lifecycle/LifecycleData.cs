using CivicConnect.Core.Issues;
using CivicConnect.Data;
using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace CivicConnect.Integration.Tests.Lifecycle;

/// <summary>Conversations and issues written straight into the database, so each test starts from exactly the issue it needs.</summary>
internal static class LifecycleData
{
    public const double DowntownLat = 51.0447;
    public const double DowntownLon = -114.0719;

    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);

    public static async Task<ConversationRecord> ConversationAsync(CivicDbContext db, string channel, string address, string locale = "en", bool optedOut = false)
    {
        var conversation = new ConversationRecord
        {
            Id = Guid.NewGuid(),
            Channel = channel,
            Address = address,
            Locale = locale,
            State = $$"""{"schemaVersion":1,"locale":"{{locale}}"}""",
            StateSchemaVersion = 1,
            OptedOut = optedOut,
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastActivityAt = DateTimeOffset.UnixEpoch,
        };
        db.Conversations.Add(conversation);
        await db.SaveChangesAsync();
        return conversation;
    }

    /// <param name="reporter">The reporting conversation; subscribed unless <paramref name="anonymous"/>.</param>
    public static async Task<Issue> IssueAsync(
        CivicDbContext db,
        string description,
        string category = "pothole",
        IssueStatus status = IssueStatus.Received,
        Guid? reporter = null,
        bool anonymous = false,
        double lat = DowntownLat,
        double lon = DowntownLon,
        DateTimeOffset? createdAt = null,
        Priority priority = Priority.Normal,
        Action<Issue>? configure = null)
    {
        var row = await db.ServiceCategories.AsNoTracking().SingleAsync(c => c.Code == category);
        var when = createdAt ?? new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        var issue = new Issue
        {
            CategoryId = row.Id,
            DepartmentId = row.DepartmentId,
            Priority = priority,
            Status = status,
            Description = description,
            Location = Geometry.CreatePoint(new Coordinate(lon, lat)),
            AddressText = "17 Ave SW & 4 St SW",
            ReporterConversationId = reporter,
            Channel = "sms",
            CreatedAt = when,
            UpdatedAt = when,
        };
        issue.AddHistory(IssueEventKinds.Intake, "citizen via sms", from: null, "Reported", isPublic: true, when);
        if (reporter is { } conversation && !anonymous)
        {
            issue.Subscribers.Add(new IssueSubscriber { ConversationId = conversation, Kind = SubscriberKind.Reporter, CreatedAt = when });
        }

        configure?.Invoke(issue);
        db.Issues.Add(issue);
        await db.SaveChangesAsync();
        return issue;
    }

    public static async Task SubscribeAsync(CivicDbContext db, long issueId, Guid conversationId)
    {
        db.IssueSubscribers.Add(new IssueSubscriber { IssueId = issueId, ConversationId = conversationId, Kind = SubscriberKind.Joined, CreatedAt = DateTimeOffset.UnixEpoch });
        await db.SaveChangesAsync();
    }
}
