using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class CoalescedChatNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "coalesce_key",
                table: "notifications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            // Existing chat notifications are kept; the newest of each person and room becomes that room's coalesced
            // one (raised again in place from now on), the older ones stay as they were.
            migrationBuilder.Sql("""
                UPDATE notifications AS n SET coalesce_key = 'chat-room:' || substring(n.link from 7)
                FROM (SELECT DISTINCT ON (user_id, link) id FROM notifications
                      WHERE type = 'chatMessage' AND link ~ '^/chat/[0-9a-f-]{36}$'
                      ORDER BY user_id, link, created_at DESC, id DESC) AS newest
                WHERE n.id = newest.id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_coalesce_key",
                table: "notifications",
                columns: new[] { "user_id", "coalesce_key" },
                unique: true,
                filter: "coalesce_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_notifications_user_id_coalesce_key",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "coalesce_key",
                table: "notifications");
        }
    }
}
