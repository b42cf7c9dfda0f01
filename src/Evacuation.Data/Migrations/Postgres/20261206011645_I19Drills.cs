using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I19Drills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DrillId",
                table: "citizens",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "drills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Citizens = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<double>(type: "double precision", nullable: false),
                    CloseCrossing = table.Column<bool>(type: "boolean", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    AdvisoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    AnswersPlanned = table.Column<int>(type: "integer", nullable: false),
                    AnswersSent = table.Column<int>(type: "integer", nullable: false),
                    ReminderRounds = table.Column<int>(type: "integer", nullable: false),
                    Escalated = table.Column<int>(type: "integer", nullable: false),
                    CrossingId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CrossingClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CrossingStatusBefore = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    CrossingNotesBefore = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CleanedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CleanedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_drills", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_citizens_DrillId",
                table: "citizens",
                column: "DrillId",
                filter: "\"DrillId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_drills_StartedAt",
                table: "drills",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "drills");

            migrationBuilder.DropIndex(
                name: "IX_citizens_DrillId",
                table: "citizens");

            migrationBuilder.DropColumn(
                name: "DrillId",
                table: "citizens");
        }
    }
}
