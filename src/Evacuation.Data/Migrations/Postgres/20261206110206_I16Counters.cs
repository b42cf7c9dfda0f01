using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Evacuation.Data.Migrations.Postgres
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
                    BroadcastId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sent = table.Column<long>(type: "bigint", nullable: false),
                    Delivered = table.Column<long>(type: "bigint", nullable: false),
                    Failed = table.Column<long>(type: "bigint", nullable: false),
                    Cancelled = table.Column<long>(type: "bigint", nullable: false),
                    Confirmed = table.Column<long>(type: "bigint", nullable: false),
                    Expired = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_counters", x => x.BroadcastId);
                });

            migrationBuilder.CreateTable(
                name: "citizen_count_deltas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Citizens = table.Column<long>(type: "bigint", nullable: false),
                    People = table.Column<long>(type: "bigint", nullable: false),
                    OptedOut = table.Column<long>(type: "bigint", nullable: false),
                    Unreachable = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizen_count_deltas", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "citizen_counts",
                columns: table => new
                {
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Citizens = table.Column<long>(type: "bigint", nullable: false),
                    People = table.Column<long>(type: "bigint", nullable: false),
                    OptedOut = table.Column<long>(type: "bigint", nullable: false),
                    Unreachable = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_citizen_counts", x => new { x.Region, x.Status });
                });

            migrationBuilder.CreateTable(
                name: "count_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BroadcastId = table.Column<Guid>(type: "uuid", nullable: true),
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_count_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recipient_tallies",
                columns: table => new
                {
                    CitizenId = table.Column<Guid>(type: "uuid", nullable: false),
                    BroadcastId = table.Column<Guid>(type: "uuid", nullable: false),
                    Counted = table.Column<int>(type: "integer", nullable: false),
                    Sent = table.Column<bool>(type: "boolean", nullable: false),
                    DeliveredByReceipt = table.Column<bool>(type: "boolean", nullable: false),
                    Open = table.Column<bool>(type: "boolean", nullable: false),
                    Cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    Expired = table.Column<bool>(type: "boolean", nullable: false),
                    FirstSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TelegramSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recipient_tallies", x => new { x.CitizenId, x.BroadcastId });
                });

            migrationBuilder.Sql(CounterTriggers.Postgres);
            migrationBuilder.Sql(CitizenCountTriggers.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CounterTriggers.PostgresDrop);
            migrationBuilder.Sql(CitizenCountTriggers.PostgresDrop);

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
