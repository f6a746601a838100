using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChatUnreadCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "unread_count",
                table: "chat_participants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing rooms: what each participant has not read yet, as the room list used to count it.
            migrationBuilder.Sql(
                """
                UPDATE chat_participants AS p
                SET unread_count = (
                    SELECT count(*) FROM chat_messages AS m
                    WHERE m.room_id = p.room_id AND m.sequence > p.last_read_sequence
                      AND m.author_id <> p.user_id AND m.deleted_at IS NULL);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "unread_count",
                table: "chat_participants");
        }
    }
}
