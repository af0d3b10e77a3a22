using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpenReportsMapCells : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_open_by_position",
                table: "issues");

            migrationBuilder.AddColumn<int>(
                name: "map_x12",
                table: "issues",
                type: "integer",
                nullable: true,
                computedColumnSql: "floor((ST_X(location) + 180) / 360 * 16384)::int",
                stored: true);

            migrationBuilder.AddColumn<int>(
                name: "map_y12",
                table: "issues",
                type: "integer",
                nullable: true,
                computedColumnSql: "floor((1 - ln(tan(radians(ST_Y(location))) + 1 / cos(radians(ST_Y(location)))) / pi()) / 2 * 16384)::int",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_issues_open_by_position",
                table: "issues",
                columns: new[] { "longitude", "latitude" },
                filter: "status NOT IN ('Resolved', 'Closed', 'Duplicate', 'Rejected', 'ClosedNotFixed')")
                .Annotation("Npgsql:IndexInclude", new[] { "map_x12", "map_y12", "category_id", "department_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_open_by_position",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "map_x12",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "map_y12",
                table: "issues");

            migrationBuilder.CreateIndex(
                name: "ix_issues_open_by_position",
                table: "issues",
                columns: new[] { "longitude", "latitude" },
                filter: "status NOT IN ('Resolved', 'Closed', 'Duplicate', 'Rejected', 'ClosedNotFixed')")
                .Annotation("Npgsql:IndexInclude", new[] { "category_id", "department_id", "id" });
        }
    }
}
