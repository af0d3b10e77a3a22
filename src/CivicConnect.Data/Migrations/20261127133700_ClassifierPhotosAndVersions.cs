using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class ClassifierPhotosAndVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "classifier_gallery_photos",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    category_code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    features = table.Column<float[]>(type: "real[]", nullable: false),
                    stored_path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    thumbnail_path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    added_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classifier_gallery_photos", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "classifier_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    based_on_id = table.Column<int>(type: "integer", nullable: true),
                    change = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    snapshot = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classifier_versions", x => x.id);
                    table.ForeignKey(
                        name: "fk_classifier_versions_classifier_versions_based_on_id",
                        column: x => x.based_on_id,
                        principalTable: "classifier_versions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "issue_photo_features",
                columns: table => new
                {
                    issue_media_id = table.Column<long>(type: "bigint", nullable: false),
                    features = table.Column<float[]>(type: "real[]", nullable: false),
                    computed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_issue_photo_features", x => x.issue_media_id);
                    table.ForeignKey(
                        name: "fk_issue_photo_features_issue_media_issue_media_id",
                        column: x => x.issue_media_id,
                        principalTable: "issue_media",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_classifier_gallery_photos_sha256",
                table: "classifier_gallery_photos",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_classifier_versions_based_on_id",
                table: "classifier_versions",
                column: "based_on_id");

            migrationBuilder.CreateIndex(
                name: "ix_classifier_versions_state",
                table: "classifier_versions",
                column: "state",
                unique: true,
                filter: "state = 'Draft'");

            migrationBuilder.CreateIndex(
                name: "ix_classifier_versions_state1",
                table: "classifier_versions",
                column: "state",
                unique: true,
                filter: "state = 'Published'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "classifier_gallery_photos");

            migrationBuilder.DropTable(
                name: "classifier_versions");

            migrationBuilder.DropTable(
                name: "issue_photo_features");
        }
    }
}
