using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15PrioritiesDeadlinesClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_deliveries_Channel_State_NextAttemptAt",
                table: "deliveries");

            // SQLite drops a plain column in place (3.35+); EF Core's table rebuild would turn foreign keys off
            // outside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"broadcasts\" DROP COLUMN \"Deadline\";");

            migrationBuilder.AddColumn<Guid>(
                name: "ClaimId",
                table: "deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3); // rows from before priorities are bulk

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "broadcasts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "broadcasts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3); // rows from before priorities are bulk

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_Channel_State_Priority_NextAttemptAt",
                table: "deliveries",
                columns: new[] { "Channel", "State", "Priority", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_deliveries_Channel_State_Priority_NextAttemptAt",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "ClaimId",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "broadcasts");

            migrationBuilder.AddColumn<DateTime>(
                name: "Deadline",
                table: "broadcasts",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_Channel_State_NextAttemptAt",
                table: "deliveries",
                columns: new[] { "Channel", "State", "NextAttemptAt" });
        }
    }
}
