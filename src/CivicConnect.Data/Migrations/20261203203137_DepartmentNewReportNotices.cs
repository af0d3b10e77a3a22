using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class DepartmentNewReportNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "locale",
                table: "departments",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "new_reports",
                table: "departments",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "Off");

            migrationBuilder.CreateTable(
                name: "department_report_notices",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    department_id = table.Column<int>(type: "integer", nullable: false),
                    issue_id = table.Column<long>(type: "bigint", nullable: false),
                    routed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    notified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_department_report_notices", x => x.id);
                    table.ForeignKey(
                        name: "fk_department_report_notices_departments_department_id",
                        column: x => x.department_id,
                        principalTable: "departments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_department_report_notices_issues_issue_id",
                        column: x => x.issue_id,
                        principalTable: "issues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_department_report_notices_department_id_issue_id",
                table: "department_report_notices",
                columns: new[] { "department_id", "issue_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_department_report_notices_department_id_routed_at",
                table: "department_report_notices",
                columns: new[] { "department_id", "routed_at" },
                filter: "notified_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_department_report_notices_issue_id",
                table: "department_report_notices",
                column: "issue_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "department_report_notices");

            migrationBuilder.DropColumn(
                name: "locale",
                table: "departments");

            migrationBuilder.DropColumn(
                name: "new_reports",
                table: "departments");
        }
    }
}
