using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I17CheckInTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CheckInToken",
                table: "citizens",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_citizens_CheckInToken",
                table: "citizens",
                column: "CheckInToken",
                unique: true,
                filter: "\"CheckInToken\" IS NOT NULL");

            // Every citizen registered before this migration gets a link too.
            migrationBuilder.Sql(CheckInTokenBackfill.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_citizens_CheckInToken",
                table: "citizens");

            migrationBuilder.DropColumn(
                name: "CheckInToken",
                table: "citizens");
        }
    }
}
