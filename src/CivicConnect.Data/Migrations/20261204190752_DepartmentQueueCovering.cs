using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class DepartmentQueueCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_department_id_created_at",
                table: "issues");

            migrationBuilder.CreateIndex(
                name: "ix_issues_department_id_created_at",
                table: "issues",
                columns: new[] { "department_id", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_department_id_created_at",
                table: "issues");

            migrationBuilder.CreateIndex(
                name: "ix_issues_department_id_created_at",
                table: "issues",
                columns: new[] { "department_id", "created_at" });
        }
    }
}
