using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PartialUniqueIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_citizens_ExternalId",
                table: "citizens");

            migrationBuilder.DropIndex(
                name: "IX_citizens_InviteToken",
                table: "citizens");

            migrationBuilder.DropIndex(
                name: "IX_citizens_Phone",
                table: "citizens");

            migrationBuilder.DropIndex(
                name: "IX_citizens_TelegramChatId",
                table: "citizens");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_ExternalId",
                table: "citizens",
                column: "ExternalId",
                unique: true,
                filter: "\"ExternalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_InviteToken",
                table: "citizens",
                column: "InviteToken",
                unique: true,
                filter: "\"InviteToken\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_Phone",
                table: "citizens",
                column: "Phone",
                unique: true,
                filter: "\"Phone\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_TelegramChatId",
                table: "citizens",
                column: "TelegramChatId",
                unique: true,
                filter: "\"TelegramChatId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_citizens_ExternalId",
                table: "citizens");

            migrationBuilder.DropIndex(
                name: "IX_citizens_InviteToken",
                table: "citizens");

            migrationBuilder.DropIndex(
                name: "IX_citizens_Phone",
                table: "citizens");

            migrationBuilder.DropIndex(
                name: "IX_citizens_TelegramChatId",
                table: "citizens");

            migrationBuilder.CreateIndex(
                name: "IX_citizens_ExternalId",
                table: "citizens",
                column: "ExternalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_citizens_InviteToken",
                table: "citizens",
                column: "InviteToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_citizens_Phone",
                table: "citizens",
                column: "Phone",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_citizens_TelegramChatId",
                table: "citizens",
                column: "TelegramChatId",
                unique: true);
        }
    }
}
