using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChatSequencesPerRoom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Sequences become per room (1, 2, 3… without gaps) and the room holds the last one; read positions are
            // carried into the new numbering (the newest message at or before each), so every unread count the old
            // counters held comes out of the new arithmetic unchanged.
            migrationBuilder.DropForeignKey(
                name: "fk_chat_rooms_chat_messages_last_message_id",
                table: "chat_rooms");

            migrationBuilder.DropIndex(
                name: "ix_chat_rooms_last_message_id",
                table: "chat_rooms");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_room_id_sequence",
                table: "chat_messages");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_sequence",
                table: "chat_messages");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_unread",
                table: "chat_messages");

            migrationBuilder.AddColumn<long>(
                name: "last_sequence",
                table: "chat_rooms",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                table: "chat_messages",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.Sql("""
                CREATE TEMP TABLE chat_renumbered ON COMMIT DROP AS
                SELECT id, room_id, sequence AS old_sequence, row_number() OVER (PARTITION BY room_id ORDER BY sequence) AS new_sequence
                FROM chat_messages;
                CREATE INDEX ON chat_renumbered (room_id, old_sequence);
                ANALYZE chat_renumbered;
                UPDATE chat_participants AS p
                SET last_read_sequence = COALESCE((
                    SELECT max(r.new_sequence) FROM chat_renumbered AS r
                    WHERE r.room_id = p.room_id AND r.old_sequence <= p.last_read_sequence), 0);
                UPDATE chat_messages AS m SET sequence = r.new_sequence FROM chat_renumbered AS r WHERE r.id = m.id;
                UPDATE chat_rooms AS room SET last_sequence = last.sequence
                FROM (SELECT room_id, max(sequence) AS sequence FROM chat_messages GROUP BY room_id) AS last
                WHERE last.room_id = room.id;
                """);

            migrationBuilder.DropColumn(
                name: "last_message_id",
                table: "chat_rooms");

            migrationBuilder.DropColumn(
                name: "unread_count",
                table: "chat_participants");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_deleted",
                table: "chat_messages",
                columns: new[] { "room_id", "sequence" },
                filter: "deleted_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_room_id_author_id_sequence",
                table: "chat_messages",
                columns: new[] { "room_id", "author_id", "sequence" },
                filter: "deleted_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_room_id_sequence",
                table: "chat_messages",
                columns: new[] { "room_id", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to one global sequence (in the order messages were written) with read positions, counters and
            // newest-message keys derived from it.
            migrationBuilder.DropIndex(
                name: "ix_chat_messages_deleted",
                table: "chat_messages");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_room_id_author_id_sequence",
                table: "chat_messages");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_room_id_sequence",
                table: "chat_messages");

            migrationBuilder.AddColumn<Guid>(
                name: "last_message_id",
                table: "chat_rooms",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "unread_count",
                table: "chat_participants",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                CREATE TEMP TABLE chat_renumbered ON COMMIT DROP AS
                SELECT id, room_id, sequence AS room_sequence, row_number() OVER (ORDER BY created_at, room_id, sequence) AS global_sequence
                FROM chat_messages;
                CREATE INDEX ON chat_renumbered (room_id, room_sequence);
                UPDATE chat_participants AS p
                SET last_read_sequence = COALESCE((
                    SELECT max(r.global_sequence) FROM chat_renumbered AS r
                    WHERE r.room_id = p.room_id AND r.room_sequence <= p.last_read_sequence), 0);
                UPDATE chat_messages AS m SET sequence = r.global_sequence FROM chat_renumbered AS r WHERE r.id = m.id;
                UPDATE chat_rooms AS room SET last_message_id = m.id
                FROM (SELECT DISTINCT ON (room_id) room_id, id FROM chat_messages ORDER BY room_id, sequence DESC) AS m
                WHERE m.room_id = room.id;
                UPDATE chat_participants AS p
                SET unread_count = (
                    SELECT count(*) FROM chat_messages AS m
                    WHERE m.room_id = p.room_id AND m.sequence > p.last_read_sequence AND m.author_id <> p.user_id AND m.deleted_at IS NULL);
                """);

            migrationBuilder.DropColumn(
                name: "last_sequence",
                table: "chat_rooms");

            migrationBuilder.AlterColumn<long>(
                name: "sequence",
                table: "chat_messages",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn);

            migrationBuilder.Sql("SELECT setval(pg_get_serial_sequence('chat_messages', 'sequence'), COALESCE((SELECT max(sequence) FROM chat_messages), 0) + 1, false);");

            migrationBuilder.CreateIndex(
                name: "ix_chat_rooms_last_message_id",
                table: "chat_rooms",
                column: "last_message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_room_id_sequence",
                table: "chat_messages",
                columns: new[] { "room_id", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_sequence",
                table: "chat_messages",
                column: "sequence",
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
        }
    }
}
