using CivicConnect.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicConnect.Data.Configurations;

internal sealed class IssueConfiguration : IEntityTypeConfiguration<Issue>
{
    // Shadow properties (no code reads them through the entity; the map's SQL does).
    private const string MapLongitude = "Longitude";
    private const string MapLatitude = "Latitude";
    private const string MapCellX = "MapX12";
    private const string MapCellY = "MapY12";

    public void Configure(EntityTypeBuilder<Issue> builder)
    {
        builder.Property(i => i.ReferenceNumber).HasDefaultValueSql($"nextval('{CivicDbContext.ReferenceSequence}')");
        builder.HasIndex(i => i.ReferenceNumber).IsUnique();
        builder.Property(i => i.PublicKey).HasMaxLength(32);
        builder.Property(i => i.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Description).HasMaxLength(4000);
        builder.Property(i => i.AddressText).HasMaxLength(500);
        builder.Property(i => i.Channel).HasMaxLength(32);
        builder.Property(i => i.Locale).HasMaxLength(16);
        builder.Property(i => i.Attributes).HasJsonbConversion();
        builder.Property(i => i.AssignedTo).HasMaxLength(200);
        builder.Property(i => i.ReporterName).HasMaxLength(200);
        builder.Property(i => i.ReporterPhone).HasMaxLength(50);
        builder.Property(i => i.ReporterEmail).HasMaxLength(320);
        builder.Property(i => i.ReporterAddress).HasMaxLength(500);
        builder.Property(i => i.ResolutionNote).HasMaxLength(2000);
        builder.Property(i => i.StatusReason).HasMaxLength(2000);
        builder.Property(i => i.ReferredTo).HasMaxLength(200);
        builder.Property(i => i.Location).HasColumnType("geometry(Point,4326)");
        builder.HasIndex(i => i.Location).HasMethod("gist");

        // The map's whole-city view groups every open report by a grid cell; reading the point out of
        // each row's geometry (and each wide row) made it ~1 s with 100,000 open reports. Stored copies
        // of the coordinates in a partial index over the open reports, covering what the map groups
        // by and the read rule needs (category, department), let PostgreSQL answer it from the index alone.
        builder.Property<double?>(MapLongitude).HasComputedColumnSql("ST_X(location)", stored: true);
        builder.Property<double?>(MapLatitude).HasComputedColumnSql("ST_Y(location)", stored: true);

        // The point's 64-pixel Web Mercator cell at zoom 12 (4 cells a tile; x and y count from the
        // world's west and north edges, so never negative). A city view (zoom 12 or less) groups on these
        // integers divided by a power of two: few distinct values, so PostgreSQL estimates a few thousand
        // groups and hashes them instead of sorting every open report (bench/README.md).
        builder.Property<int?>(MapCellX).HasComputedColumnSql("floor((ST_X(location) + 180) / 360 * 16384)::int", stored: true);
        builder.Property<int?>(MapCellY).HasComputedColumnSql(
            "floor((1 - ln(tan(radians(ST_Y(location))) + 1 / cos(radians(ST_Y(location)))) / pi()) / 2 * 16384)::int", stored: true);
        builder.HasIndex(MapLongitude, MapLatitude)
            .IncludeProperties(MapCellX, MapCellY, nameof(Issue.CategoryId), nameof(Issue.DepartmentId), nameof(Issue.Id))
            .HasFilter(IssueStatuses.OpenCondition(null))
            .HasDatabaseName("ix_issues_open_by_position");
        builder.HasIndex(i => new { i.Status, i.CategoryId });

        // The staff queue's counts (per status, and past the deadline) read only these two columns: with
        // 100,000 reports an index-only scan of them took 12 ms where reading every wide row took 51 ms.
        builder.HasIndex(i => new { i.Status, i.Deadline });

        // Open reports by deadline: the queue's "soonest deadline first" page, and its past-deadline count taken as
        // open minus still due (the reports still due are the few filed within their deadline, however large the
        // overdue backlog grows). Partial, so a query must repeat IssueStatuses.OpenCondition with constants.
        builder.HasIndex(i => i.Deadline)
            .IncludeProperties(i => new { i.DepartmentId, i.Status })
            .HasFilter(IssueStatuses.OpenCondition(null))
            .HasDatabaseName("ix_issues_open_by_deadline");

        // The queue's text search (q: words anywhere in the description or the address, ILIKE '%…%') from
        // trigram indexes (pg_trgm) instead of reading every report: 0.4 ms against 200 ms with 100,000.
        builder.HasIndex(i => i.Description).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(i => i.AddressText).HasMethod("gin").HasOperators("gin_trgm_ops");
        builder.HasIndex(i => i.CreatedAt);
        // Analytics for one department over a period, and a department's queue: its staff only ever see their
        // department's reports, so their counts per status and past-deadline read the index alone (status and
        // deadline included) instead of every report of the department (344 ms for a quarter of 100,000).
        builder.HasIndex(i => new { i.DepartmentId, i.CreatedAt }).IncludeProperties(i => new { i.Status, i.Deadline });
        builder.HasIndex(i => i.ReporterConversationId);

        // The queue narrowed by ward, category or priority (counts per status and past-deadline, the capped total,
        // the newest first) from these indexes alone instead of a few thousand wide rows each (issue 15). The ward and
        // category ones replace their foreign keys' single-column indexes; a department's list by last update reads
        // its newest changes first instead of sorting every report of the department.
        builder.HasIndex(i => new { i.WardId, i.CreatedAt }).IncludeProperties(i => new { i.Status, i.Deadline });
        builder.HasIndex(i => new { i.CategoryId, i.CreatedAt }).IncludeProperties(i => new { i.Status, i.Deadline });
        builder.HasIndex(i => new { i.Priority, i.CreatedAt }).IncludeProperties(i => new { i.Status, i.Deadline });
        builder.HasIndex(i => new { i.DepartmentId, i.UpdatedAt });

        // Open reports newest first (the queue's "open" and "past deadline" pages): the newest open reports are the
        // ones still due, so a page past the deadline is found after those few, not after every recent report. The
        // deadline is a key column, not an included one: a condition on a key column is checked in the index, so the
        // few thousand still-due entries are skipped there instead of each fetching its row (39 → 0.1 ms).
        builder.HasIndex(i => new { i.CreatedAt, i.Deadline }, "ix_issues_open_by_created")
            .HasFilter(IssueStatuses.OpenCondition(null))
            .HasDatabaseName("ix_issues_open_by_created");
        builder.Property(i => i.Version).IsRowVersion();

        builder.HasOne(i => i.Category).WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Ward).WithMany().HasForeignKey(i => i.WardId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(i => i.Department).WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Issue>().WithMany().HasForeignKey(i => i.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ConversationRecord>().WithMany().HasForeignKey(i => i.ReporterConversationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.Events).WithOne().HasForeignKey(e => e.IssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Media).WithOne().HasForeignKey(m => m.IssueId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Subscribers).WithOne().HasForeignKey(s => s.IssueId).OnDelete(DeleteBehavior.Cascade);
    }
}
