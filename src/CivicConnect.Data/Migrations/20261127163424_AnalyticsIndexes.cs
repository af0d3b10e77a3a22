using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnalyticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_department_id",
                table: "issues");

            migrationBuilder.CreateIndex(
                name: "ix_issues_department_id_created_at",
                table: "issues",
                columns: new[] { "department_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_issue_events_issue_id_to_status_occurred_at",
                table: "issue_events",
                columns: new[] { "issue_id", "to_status", "occurred_at" },
                filter: "kind = 'transition'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_department_id_created_at",
                table: "issues");

            migrationBuilder.DropIndex(
                name: "ix_issue_events_issue_id_to_status_occurred_at",
                table: "issue_events");

            migrationBuilder.CreateIndex(
                name: "ix_issues_department_id",
                table: "issues",
                column: "department_id");
        }
    }
}
