using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I12KeysRepliesReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Before this migration only the first-start key was ever stored: existing rows are that key.
            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "replies",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReminderQueuedAt",
                table: "citizens",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "TextsJson",
                table: "broadcasts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16000)",
                oldMaxLength: 16000);

            migrationBuilder.AlterColumn<string>(
                name: "EstimateJson",
                table: "broadcasts",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(16000)",
                oldMaxLength: 16000,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AudienceJson",
                table: "broadcasts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(16000)",
                oldMaxLength: 16000);

            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "api_keys",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "first start");

            migrationBuilder.AddColumn<DateTime>(
                name: "LastUsedAt",
                table: "api_keys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RevokedAt",
                table: "api_keys",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "api_keys",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "FirstStart");

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_first_start",
                table: "api_keys",
                column: "Source",
                unique: true,
                filter: "\"Source\" = 'FirstStart' AND \"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_api_keys_Name_active",
                table: "api_keys",
                column: "Name",
                unique: true,
                filter: "\"RevokedAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_api_keys_first_start",
                table: "api_keys");

            migrationBuilder.DropIndex(
                name: "IX_api_keys_Name_active",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "replies");

            migrationBuilder.DropColumn(
                name: "ReminderQueuedAt",
                table: "citizens");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "LastUsedAt",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "RevokedAt",
                table: "api_keys");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "api_keys");

            migrationBuilder.AlterColumn<string>(
                name: "TextsJson",
                table: "broadcasts",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "EstimateJson",
                table: "broadcasts",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "AudienceJson",
                table: "broadcasts",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");
        }
    }
}
