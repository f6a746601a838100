using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class BroadcastRecipients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "broadcasts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "claimed_until",
                table: "broadcasts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "send_at",
                table: "broadcasts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Broadcasts stored before were due when created; those an in-memory queue lost (completed_at null) go out now.
            migrationBuilder.Sql("UPDATE broadcasts SET send_at = created_at;");

            migrationBuilder.CreateTable(
                name: "broadcast_recipients",
                columns: table => new
                {
                    broadcast_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    notification_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcast_recipients", x => new { x.broadcast_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_broadcast_recipients_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_broadcast_recipients_broadcasts_broadcast_id",
                        column: x => x.broadcast_id,
                        principalTable: "broadcasts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_broadcast_recipients_notifications_notification_id",
                        column: x => x.notification_id,
                        principalTable: "notifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_created_at",
                table: "broadcasts",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_send_at",
                table: "broadcasts",
                column: "send_at",
                filter: "completed_at IS NULL AND cancelled_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_recipients_notification_id",
                table: "broadcast_recipients",
                column: "notification_id");

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_recipients_user_id",
                table: "broadcast_recipients",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broadcast_recipients");

            migrationBuilder.DropIndex(
                name: "ix_broadcasts_created_at",
                table: "broadcasts");

            migrationBuilder.DropIndex(
                name: "ix_broadcasts_send_at",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "claimed_until",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "send_at",
                table: "broadcasts");
        }
    }
}
