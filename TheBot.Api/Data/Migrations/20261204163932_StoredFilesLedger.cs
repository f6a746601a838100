using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoredFilesLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stored_files", x => x.key);
                    table.CheckConstraint("ck_stored_files_length", "length >= 0");
                    table.ForeignKey(
                        name: "fk_stored_files_users_owner_id",
                        column: x => x.owner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_submission_files_storage_key",
                table: "submission_files",
                column: "storage_key");

            migrationBuilder.CreateIndex(
                name: "ix_materials_file_key",
                table: "materials",
                column: "file_key",
                filter: "file_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_chat_messages_attachment_key",
                table: "chat_messages",
                column: "attachment_key",
                filter: "attachment_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_stored_files_created_at",
                table: "stored_files",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_stored_files_owner_id",
                table: "stored_files",
                column: "owner_id")
                .Annotation("Npgsql:IndexInclude", new[] { "length" });

            // Files stored before the ledger: counted for their uploaders, and removed by the job once nothing refers to them.
            migrationBuilder.Sql("""
                INSERT INTO stored_files (key, owner_id, length, created_at)
                SELECT attachment_key, author_id, coalesce(attachment_size, 0), created_at FROM chat_messages WHERE attachment_key IS NOT NULL
                UNION ALL
                SELECT f.storage_key, s.student_id, f.length, s.submitted_at FROM submission_files AS f JOIN submissions AS s ON s.id = f.submission_id
                UNION ALL
                SELECT file_key, teacher_id, coalesce(file_length, 0), coalesce(updated_at, created_at) FROM materials WHERE file_key IS NOT NULL
                ON CONFLICT (key) DO NOTHING;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropIndex(
                name: "ix_submission_files_storage_key",
                table: "submission_files");

            migrationBuilder.DropIndex(
                name: "ix_materials_file_key",
                table: "materials");

            migrationBuilder.DropIndex(
                name: "ix_chat_messages_attachment_key",
                table: "chat_messages");
        }
    }
}
