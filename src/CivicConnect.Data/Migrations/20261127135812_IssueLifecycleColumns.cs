using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicConnect.Data.Migrations
{
    /// <inheritdoc />
    public partial class IssueLifecycleColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "not_before",
                table: "outbox_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "assigned_to",
                table: "issues",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "issues",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "referred_to",
                table: "issues",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reporter_address",
                table: "issues",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reporter_email",
                table: "issues",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reporter_name",
                table: "issues",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "reporter_phone",
                table: "issues",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "resolution_note",
                table: "issues",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "satisfaction",
                table: "issues",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "satisfaction_at",
                table: "issues",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status_reason",
                table: "issues",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "issue_events",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "transition");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "not_before",
                table: "outbox_messages");

            migrationBuilder.DropColumn(
                name: "assigned_to",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "referred_to",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "reporter_address",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "reporter_email",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "reporter_name",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "reporter_phone",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "resolution_note",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "satisfaction",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "satisfaction_at",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "status_reason",
                table: "issues");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "issue_events");
        }
    }
}
