using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenReportsNewestFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_issues_open_by_created",
                table: "issues",
                column: "created_at",
                filter: "status NOT IN ('Resolved', 'Closed', 'Duplicate', 'Rejected', 'ClosedNotFixed')")
                .Annotation("Npgsql:IndexInclude", new[] { "deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_open_by_created",
                table: "issues");
        }
    }
}
