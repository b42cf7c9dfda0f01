using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Replies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Keyboard",
                table: "deliveries",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InviteToken",
                table: "citizens",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "replies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdateId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CitizenId = table.Column<Guid>(type: "TEXT", nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    CallbackQueryId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    InterpretedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Meaning = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Unhandled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_replies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_citizens_InviteToken",
                table: "citizens",
                column: "InviteToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_replies_Channel_ProviderKey",
                table: "replies",
                columns: new[] { "Channel", "ProviderKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_replies_InterpretedAt",
                table: "replies",
                column: "InterpretedAt");

            migrationBuilder.CreateIndex(
                name: "IX_replies_Unhandled_ReceivedAt",
                table: "replies",
                columns: new[] { "Unhandled", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_replies_UpdateId",
                table: "replies",
                column: "UpdateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "replies");

            migrationBuilder.DropIndex(
                name: "IX_citizens_InviteToken",
                table: "citizens");

            migrationBuilder.DropColumn(
                name: "Keyboard",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "InviteToken",
                table: "citizens");
        }
    }
}
