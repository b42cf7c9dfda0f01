using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evacuation.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I16Counters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "broadcast_counters",
                columns: table => new
                {
                    BroadcastId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sent = table.Column<long>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<long>(type: "INTEGER", nullable: false),
                    Failed = table.Column<long>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<long>(type: "INTEGER", nullable: false),
                    Confirmed = table.Column<long>(type: "INTEGER", nullable: false),
                    Expired = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_counters", x => x.BroadcastId);
                });

            migrationBuilder.CreateTable(
                name: "citizen_count_deltas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Citizens = table.Column<long>(type: "INTEGER", nullable: false),
                    People = table.Column<long>(type: "INTEGER", nullable: false),
                    OptedOut = table.Column<long>(type: "INTEGER", nullable: false),
                    Unreachable = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizen_count_deltas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "citizen_counts",
                columns: table => new
                {
                    Region = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Citizens = table.Column<long>(type: "INTEGER", nullable: false),
                    People = table.Column<long>(type: "INTEGER", nullable: false),
                    OptedOut = table.Column<long>(type: "INTEGER", nullable: false),
                    Unreachable = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizen_counts", x => new { x.Region, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "count_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BroadcastId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CitizenId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_count_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recipient_tallies",
                columns: table => new
                {
                    CitizenId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BroadcastId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Counted = table.Column<int>(type: "INTEGER", nullable: false),
                    Sent = table.Column<bool>(type: "INTEGER", nullable: false),
                    DeliveredByReceipt = table.Column<bool>(type: "INTEGER", nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    Expired = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TelegramSentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recipient_tallies", x => new { x.CitizenId, x.BroadcastId });
                });

            migrationBuilder.Sql(CounterTriggers.Sqlite);
            migrationBuilder.Sql(CitizenCountTriggers.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CounterTriggers.SqliteDrop);
            migrationBuilder.Sql(CitizenCountTriggers.SqliteDrop);

            migrationBuilder.DropTable(
                name: "broadcast_counters");

            migrationBuilder.DropTable(
                name: "citizen_count_deltas");

            migrationBuilder.DropTable(
                name: "citizen_counts");

            migrationBuilder.DropTable(
                name: "count_changes");

            migrationBuilder.DropTable(
                name: "recipient_tallies");
        }
    }
}
