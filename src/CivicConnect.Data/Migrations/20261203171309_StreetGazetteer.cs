using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class StreetGazetteer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "place_addresses",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    number = table.Column<int>(type: "integer", nullable: false),
                    suffix = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    street_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    street_type = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    street_quadrant = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    community = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    ward_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_place_addresses", x => x.id);
                    table.ForeignKey(
                        name: "fk_place_addresses_wards_ward_id",
                        column: x => x.ward_id,
                        principalTable: "wards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "place_corners",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    first_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    first_type = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    first_quadrant = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    second_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    second_type = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    second_quadrant = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    quadrant = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    ward_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_place_corners", x => x.id);
                    table.ForeignKey(
                        name: "fk_place_corners_wards_ward_id",
                        column: x => x.ward_id,
                        principalTable: "wards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "place_names",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    aliases = table.Column<string[]>(type: "text[]", nullable: false),
                    coarse = table.Column<bool>(type: "boolean", nullable: false),
                    location = table.Column<Point>(type: "geometry(Point,4326)", nullable: false),
                    ward_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_place_names", x => x.id);
                    table.ForeignKey(
                        name: "fk_place_names_wards_ward_id",
                        column: x => x.ward_id,
                        principalTable: "wards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "place_street_lines",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    street_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    street_type = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    street_quadrant = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    line = table.Column<MultiLineString>(type: "geometry(MultiLineString,4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_place_street_lines", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_place_addresses_location",
                table: "place_addresses",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_place_addresses_street_name_street_type_number",
                table: "place_addresses",
                columns: new[] { "street_name", "street_type", "number" });

            migrationBuilder.CreateIndex(
                name: "ix_place_addresses_ward_id",
                table: "place_addresses",
                column: "ward_id");

            migrationBuilder.CreateIndex(
                name: "ix_place_corners_location",
                table: "place_corners",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_place_corners_ward_id",
                table: "place_corners",
                column: "ward_id");

            migrationBuilder.CreateIndex(
                name: "ix_place_names_location",
                table: "place_names",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_place_names_ward_id",
                table: "place_names",
                column: "ward_id");

            migrationBuilder.CreateIndex(
                name: "ix_place_street_lines_line",
                table: "place_street_lines",
                column: "line")
                .Annotation("Npgsql:IndexMethod", "gist");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "place_addresses");

            migrationBuilder.DropTable(
                name: "place_corners");

            migrationBuilder.DropTable(
                name: "place_names");

            migrationBuilder.DropTable(
                name: "place_street_lines");
        }
    }
}
