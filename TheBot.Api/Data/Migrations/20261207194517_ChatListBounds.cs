using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChatListBounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_deleted_sequence",
                table: "chat_rooms",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "last_posted_sequence",
                table: "chat_participants",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing rooms and participants get the bounds their messages give (the room list trusts them).
            migrationBuilder.Sql("""
                UPDATE chat_rooms AS r SET last_deleted_sequence = d.last
                FROM (SELECT room_id, max(sequence) AS last FROM chat_messages WHERE deleted_at IS NOT NULL GROUP BY room_id) AS d
                WHERE d.room_id = r.id;
                UPDATE chat_participants AS p SET last_posted_sequence = o.last
                FROM (SELECT room_id, author_id, max(sequence) AS last FROM chat_messages GROUP BY room_id, author_id) AS o
                WHERE o.room_id = p.room_id AND o.author_id = p.user_id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_deleted_sequence",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_posted_sequence",
                table: "chat_participants");
        }
    }
}
