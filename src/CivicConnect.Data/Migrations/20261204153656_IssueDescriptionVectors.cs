using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class IssueDescriptionVectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "issue_description_vectors",
                columns: table => new
                {
                    issue_id = table.Column<long>(type: "bigint", nullable: false),
                    description_md5 = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    vector = table.Column<float[]>(type: "real[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issue_description_vectors", x => x.issue_id);
                    table.ForeignKey(
                        name: "fk_issue_description_vectors_issues_issue_id",
                        column: x => x.issue_id,
                        principalTable: "issues",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "issue_description_vectors");
        }
    }
}
