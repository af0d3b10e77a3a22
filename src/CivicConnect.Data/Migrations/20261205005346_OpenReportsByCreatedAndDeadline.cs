using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenReportsByCreatedAndDeadline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_open_by_created",
                table: "issues");

            migrationBuilder.CreateIndex(
                name: "ix_issues_open_by_created",
                table: "issues",
                columns: new[] { "created_at", "deadline" },
                filter: "status NOT IN ('Resolved', 'Closed', 'Duplicate', 'Rejected', 'ClosedNotFixed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_open_by_created",
                table: "issues");

            migrationBuilder.CreateIndex(
                name: "ix_issues_open_by_created",
                table: "issues",
                column: "created_at",
                filter: "status NOT IN ('Resolved', 'Closed', 'Duplicate', 'Rejected', 'ClosedNotFixed')")
                .Annotation("Npgsql:IndexInclude", new[] { "deadline" });
        }
    }
}
