using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class IssueStatusCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "issue_status_counts",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    department_id = table.Column<int>(type: "integer", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    has_deadline = table.Column<bool>(type: "boolean", nullable: false),
                    slot = table.Column<short>(type: "smallint", nullable: false),
                    reports = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issue_status_counts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_issues_open_by_deadline",
                table: "issues",
                column: "deadline",
                filter: "status NOT IN ('Resolved', 'Closed', 'Duplicate', 'Rejected', 'ClosedNotFixed')")
                .Annotation("Npgsql:IndexInclude", new[] { "department_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_issue_status_counts_department_id_status_has_deadline_slot",
                table: "issue_status_counts",
                columns: new[] { "department_id", "status", "has_deadline", "slot" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            // Fill the tally from the reports as they are, with writers held off until the triggers exist (the
            // migration's transaction ends both), so no report is missed or counted twice.
            migrationBuilder.Sql("LOCK TABLE issues IN SHARE ROW EXCLUSIVE MODE");
            migrationBuilder.Sql("""
                INSERT INTO issue_status_counts (department_id, status, has_deadline, slot, reports)
                SELECT department_id, status, deadline IS NOT NULL, 0, count(*)::int FROM issues GROUP BY 1, 2, 3
                """);

            // One rule in one place: every write to issues — the lifecycle, intake, imports, seeding, erasure, a
            // person in psql — moves the tally in its own transaction. Per statement, from its transition tables:
            // a bulk insert or update adds once per key, not once per report. Keys are written in one order, so two
            // statements never wait on each other crosswise; each connection adds to its own slot (its backend
            // pid modulo 8), so concurrent transitions of one department rarely queue on one row.
            migrationBuilder.Sql("""
                CREATE FUNCTION issue_status_counts_apply() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    my_slot smallint := (pg_backend_pid() % 8)::smallint;
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        INSERT INTO issue_status_counts AS c (department_id, status, has_deadline, slot, reports)
                        SELECT department_id, status, deadline IS NOT NULL, my_slot, count(*)::int
                        FROM new_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (department_id, status, has_deadline, slot) DO UPDATE SET reports = c.reports + excluded.reports;
                    ELSIF TG_OP = 'DELETE' THEN
                        INSERT INTO issue_status_counts AS c (department_id, status, has_deadline, slot, reports)
                        SELECT department_id, status, deadline IS NOT NULL, my_slot, -count(*)::int
                        FROM old_rows GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
                        ON CONFLICT (department_id, status, has_deadline, slot) DO UPDATE SET reports = c.reports + excluded.reports;
                    ELSE
                        INSERT INTO issue_status_counts AS c (department_id, status, has_deadline, slot, reports)
                        SELECT department_id, status, has_deadline, my_slot, sum(n)::int
                        FROM (SELECT department_id, status, deadline IS NOT NULL AS has_deadline, 1 AS n FROM new_rows
                              UNION ALL
                              SELECT department_id, status, deadline IS NOT NULL, -1 FROM old_rows) AS change
                        GROUP BY 1, 2, 3 HAVING sum(n) <> 0 ORDER BY 1, 2, 3
                        ON CONFLICT (department_id, status, has_deadline, slot) DO UPDATE SET reports = c.reports + excluded.reports;
                    END IF;
                    RETURN NULL;
                END $$
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER issue_status_counts_on_insert AFTER INSERT ON issues
                    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION issue_status_counts_apply()
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER issue_status_counts_on_update AFTER UPDATE ON issues
                    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION issue_status_counts_apply()
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER issue_status_counts_on_delete AFTER DELETE ON issues
                    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION issue_status_counts_apply()
                """);

            // TRUNCATE fires no row or statement trigger of the above kinds: it empties the tally itself.
            migrationBuilder.Sql("""
                CREATE FUNCTION issue_status_counts_clear() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM issue_status_counts;
                    RETURN NULL;
                END $$
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER issue_status_counts_on_truncate AFTER TRUNCATE ON issues
                    FOR EACH STATEMENT EXECUTE FUNCTION issue_status_counts_clear()
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS issue_status_counts_on_truncate ON issues");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS issue_status_counts_on_delete ON issues");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS issue_status_counts_on_update ON issues");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS issue_status_counts_on_insert ON issues");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS issue_status_counts_clear()");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS issue_status_counts_apply()");

            migrationBuilder.DropTable(
                name: "issue_status_counts");

            migrationBuilder.DropIndex(
                name: "ix_issues_open_by_deadline",
                table: "issues");
        }
    }
}
