using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenReportsByPosition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "latitude",
                table: "issues",
                type: "double precision",
                nullable: true,
                computedColumnSql: "ST_Y(location)",
                stored: true);

            migrationBuilder.AddColumn<double>(
                name: "longitude",
                table: "issues",
                type: "double precision",
                nullable: true,
                computedColumnSql: "ST_X(location)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_issues_open_by_position",
                table: "issues",
                columns: new[] { "longitude", "latitude" },
                filter: "status NOT IN ('Resolved', 'Closed', 'Duplicate', 'Rejected', 'ClosedNotFixed')")
                .Annotation("Npgsql:IndexInclude", new[] { "category_id", "department_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_open_by_position",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "latitude",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "longitude",
                table: "issues");
        }
    }
}
