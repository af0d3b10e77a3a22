using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class QueueFilterIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_category_id",
                table: "issues");

            migrationBuilder.DropIndex(
                name: "ix_issues_ward_id",
                table: "issues");

            migrationBuilder.CreateIndex(
                name: "ix_issues_category_id_created_at",
                table: "issues",
                columns: new[] { "category_id", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_issues_department_id_updated_at",
                table: "issues",
                columns: new[] { "department_id", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_issues_priority_created_at",
                table: "issues",
                columns: new[] { "priority", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "deadline" });

            migrationBuilder.CreateIndex(
                name: "ix_issues_ward_id_created_at",
                table: "issues",
                columns: new[] { "ward_id", "created_at" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "deadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_issues_category_id_created_at",
                table: "issues");

            migrationBuilder.DropIndex(
                name: "ix_issues_department_id_updated_at",
                table: "issues");

            migrationBuilder.DropIndex(
                name: "ix_issues_priority_created_at",
                table: "issues");

            migrationBuilder.DropIndex(
                name: "ix_issues_ward_id_created_at",
                table: "issues");

            migrationBuilder.CreateIndex(
                name: "ix_issues_category_id",
                table: "issues",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_issues_ward_id",
                table: "issues",
                column: "ward_id");
        }
    }
}
