using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChatRoomListKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "last_message_id",
                table: "chat_rooms",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_rooms_last_message_id",
                table: "chat_rooms",
                column: "last_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_unread",
                table: "chat_messages",
                columns: new[] { "room_id", "sequence" },
                filter: "deleted_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "author_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_chat_rooms_chat_messages_last_message_id",
                table: "chat_rooms",
                column: "last_message_id",
                principalTable: "chat_messages",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Rooms that already have messages: their newest one.
            migrationBuilder.Sql("""
                UPDATE chat_rooms AS r SET last_message_id = m.id
                FROM (SELECT DISTINCT ON (room_id) room_id, id FROM chat_messages ORDER BY room_id, sequence DESC) AS m
                WHERE m.room_id = r.id;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_chat_rooms_chat_messages_last_message_id",
                table: "chat_rooms");

            migrationBuilder.DropIndex(
                name: "ix_chat_rooms_last_message_id",
                table: "chat_rooms");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_unread",
                table: "chat_messages");

            migrationBuilder.DropColumn(
                name: "last_message_id",
                table: "chat_rooms");
        }
    }
}
