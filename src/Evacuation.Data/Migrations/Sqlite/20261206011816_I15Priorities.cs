using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15Priorities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_deliveries_Channel_State_NextAttemptAt",
                table: "deliveries");

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "deliveries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3); // rows queued before priorities existed are bulk

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "broadcasts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3); // rows queued before priorities existed are bulk

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
                name: "Priority",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "broadcasts");

            migrationBuilder.CreateIndex(
                name: "IX_deliveries_Channel_State_NextAttemptAt",
                table: "deliveries",
                columns: new[] { "Channel", "State", "NextAttemptAt" });
        }
    }
}
