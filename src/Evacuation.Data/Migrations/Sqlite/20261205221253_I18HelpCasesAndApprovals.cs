using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I18HelpCasesAndApprovals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ApprovalExpiresAt",
                table: "broadcasts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DecidedAt",
                table: "broadcasts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "broadcasts",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecisionNote",
                table: "broadcasts",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "EstimateJson",
                table: "broadcasts",
                type: "TEXT",
                maxLength: 16000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "help_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CitizenId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StateSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AssignedTo = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Requests = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRequestAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_help_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "case_notes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_case_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_case_notes_help_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "help_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_case_notes_CaseId",
                table: "case_notes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_help_cases_CitizenId",
                table: "help_cases",
                column: "CitizenId");

            migrationBuilder.CreateIndex(
                name: "IX_help_cases_State_StateSince",
                table: "help_cases",
                columns: new[] { "State", "StateSince" });

            migrationBuilder.CreateIndex(
                name: "IX_help_cases_unresolved_citizen",
                table: "help_cases",
                column: "CitizenId",
                unique: true,
                filter: "\"CitizenId\" IS NOT NULL AND \"State\" <> 'Resolved'");

            migrationBuilder.CreateIndex(
                name: "IX_help_cases_unresolved_sender",
                table: "help_cases",
                columns: new[] { "Channel", "Sender" },
                unique: true,
                filter: "\"CitizenId\" IS NULL AND \"State\" <> 'Resolved'");

            migrationBuilder.Sql(HelpCaseBackfill.Sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "case_notes");

            migrationBuilder.DropTable(
                name: "help_cases");

            migrationBuilder.DropColumn(
                name: "ApprovalExpiresAt",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "DecidedAt",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "DecisionNote",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "EstimateJson",
                table: "broadcasts");
        }
    }
}
