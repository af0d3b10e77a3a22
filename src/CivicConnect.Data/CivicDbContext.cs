using CivicConnect.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CivicConnect.Data;

public sealed class CivicDbContext(DbContextOptions<CivicDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The ASP.NET Core data-protection key ring: every node reads the same keys, so a console session or form started on one node is valid on another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Sequence behind the public reference numbers.</summary>
    public const string ReferenceSequence = "issue_reference_seq";

    public DbSet<Ward> Wards => Set<Ward>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<ServiceCategory> ServiceCategories => Set<ServiceCategory>();

    public DbSet<Issue> Issues => Set<Issue>();

    /// <summary>Reports per department, status and whether they have a deadline, kept by triggers on <c>issues</c> (read-only for code).</summary>
    public DbSet<IssueStatusCount> IssueStatusCounts => Set<IssueStatusCount>();

    public DbSet<IssueEvent> IssueEvents => Set<IssueEvent>();

    public DbSet<IssueMedia> IssueMedia => Set<IssueMedia>();

    public DbSet<IssueSubscriber> IssueSubscribers => Set<IssueSubscriber>();

    public DbSet<UpdateTarget> UpdateTargets => Set<UpdateTarget>();

    public DbSet<ConversationRecord> Conversations => Set<ConversationRecord>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<DirectLineConversation> DirectLineConversations => Set<DirectLineConversation>();

    public DbSet<DirectLineActivity> DirectLineActivities => Set<DirectLineActivity>();

    public DbSet<GeocodeCacheEntry> GeocodeCache => Set<GeocodeCacheEntry>();

    public DbSet<PlaceCorner> PlaceCorners => Set<PlaceCorner>();

    public DbSet<PlaceAddress> PlaceAddresses => Set<PlaceAddress>();

    public DbSet<PlaceName> PlaceNames => Set<PlaceName>();

    public DbSet<PlaceStreetLine> PlaceStreetLines => Set<PlaceStreetLine>();

    public DbSet<NeighbouringMunicipality> NeighbouringMunicipalities => Set<NeighbouringMunicipality>();

    public DbSet<GalleryPhoto> GalleryPhotos => Set<GalleryPhoto>();

    public DbSet<IssuePhotoFeatures> IssuePhotoFeatures => Set<IssuePhotoFeatures>();

    public DbSet<ClassifierVersion> ClassifierVersions => Set<ClassifierVersion>();

    public DbSet<Open311Request> Open311Requests => Set<Open311Request>();

    public DbSet<RoutingRuleVersion> RoutingRuleVersions => Set<RoutingRuleVersion>();

    public DbSet<DepartmentReportNotice> DepartmentReportNotices => Set<DepartmentReportNotice>();

    /// <summary>Outside systems that receive report events (CloudEvents), per department or for all.</summary>
    public DbSet<EventSubscriber> EventSubscribers => Set<EventSubscriber>();

    public DbSet<RoutingRuleDraft> RoutingRuleDrafts => Set<RoutingRuleDraft>();
    public DbSet<HandOff> HandOffs => Set<HandOff>();

    public DbSet<HandOffLine> HandOffLines => Set<HandOffLine>();

    /// <summary>The audit of erasures of personal data (no contact in it).</summary>
    public DbSet<Erasure> Erasures => Set<Erasure>();

    /// <summary>Built classifiers kept between processes (see <see cref="TrainedClassifierRecord"/>).</summary>
    public DbSet<TrainedClassifierRecord> TrainedClassifiers => Set<TrainedClassifierRecord>();

    /// <summary>Reports' description vectors for duplicate ranking (see <see cref="IssueDescriptionVector"/>).</summary>
    public DbSet<IssueDescriptionVector> IssueDescriptionVectors => Set<IssueDescriptionVector>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasSequence<int>(ReferenceSequence).StartsAt(1001);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CivicDbContext).Assembly);
    }
}
