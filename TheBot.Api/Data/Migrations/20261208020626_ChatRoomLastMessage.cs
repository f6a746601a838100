using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChatRoomLastMessage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "last_message_attachment_content_type",
                table: "chat_rooms",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_message_attachment_name",
                table: "chat_rooms",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "last_message_attachment_size",
                table: "chat_rooms",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "last_message_author_id",
                table: "chat_rooms",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_message_client_message_id",
                table: "chat_rooms",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_message_created_at",
                table: "chat_rooms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_message_deleted_at",
                table: "chat_rooms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_message_edited_at",
                table: "chat_rooms",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "last_message_id",
                table: "chat_rooms",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "last_message_text",
                table: "chat_rooms",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            // Existing rooms get their newest message (sequence last_sequence) as the room list shows it: a deleted one
            // without its text and file, as the delete leaves it.
            migrationBuilder.Sql("""
                UPDATE chat_rooms AS r
                SET last_message_id = m.id, last_message_author_id = m.author_id,
                    last_message_text = CASE WHEN m.deleted_at IS NULL THEN m.text ELSE '' END,
                    last_message_client_message_id = m.client_message_id, last_message_created_at = m.created_at,
                    last_message_edited_at = m.edited_at, last_message_deleted_at = m.deleted_at,
                    last_message_attachment_name = CASE WHEN m.deleted_at IS NULL AND m.attachment_key IS NOT NULL THEN m.attachment_name END,
                    last_message_attachment_content_type = CASE WHEN m.deleted_at IS NULL AND m.attachment_key IS NOT NULL THEN m.attachment_content_type END,
                    last_message_attachment_size = CASE WHEN m.deleted_at IS NULL AND m.attachment_key IS NOT NULL THEN m.attachment_size END
                FROM chat_messages AS m
                WHERE m.room_id = r.id AND m.sequence = r.last_sequence;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_message_attachment_content_type",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_message_attachment_name",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_message_attachment_size",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_message_author_id",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_message_client_message_id",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_message_created_at",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_message_deleted_at",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_message_edited_at",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_message_id",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "last_message_text",
                table: "chat_rooms");
        }
    }
}
