using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class SupervisorPublishGateAndRoutingDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "gate_baseline_macro_f1",
                table: "classifier_versions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "gate_macro_f1",
                table: "classifier_versions",
                type: "double precision",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "publish_reason",
                table: "classifier_versions",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "routing_rule_drafts",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slot = table.Column<int>(type: "integer", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    based_on_version = table.Column<int>(type: "integer", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    simulated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    simulated_reports = table.Column<int>(type: "integer", nullable: true),
                    simulated_moves = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_routing_rule_drafts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_routing_rule_drafts_slot",
                table: "routing_rule_drafts",
                column: "slot",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "routing_rule_drafts");

            migrationBuilder.DropColumn(
                name: "gate_baseline_macro_f1",
                table: "classifier_versions");

            migrationBuilder.DropColumn(
                name: "gate_macro_f1",
                table: "classifier_versions");

            migrationBuilder.DropColumn(
                name: "publish_reason",
                table: "classifier_versions");
        }
    }
}
