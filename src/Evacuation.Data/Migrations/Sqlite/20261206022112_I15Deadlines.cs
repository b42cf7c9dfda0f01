using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Deadline",
                table: "broadcasts");

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "deliveries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "broadcasts",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "broadcasts");

            migrationBuilder.AddColumn<DateTime>(
                name: "Deadline",
                table: "broadcasts",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));
        }
    }
}
