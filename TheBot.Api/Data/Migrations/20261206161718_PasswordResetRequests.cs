using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class PasswordResetRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "password_reset_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    mail_status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    mail_attempts = table.Column<int>(type: "integer", nullable: false),
                    mail_next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    mail_last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    mail_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_password_reset_requests", x => x.id);
                    table.CheckConstraint("ck_password_reset_requests_expiry", "expires_at > created_at");
                    table.ForeignKey(
                        name: "fk_password_reset_requests_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_password_reset_requests_expires_at",
                table: "password_reset_requests",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_password_reset_requests_mail_next_attempt_at",
                table: "password_reset_requests",
                column: "mail_next_attempt_at",
                filter: "mail_status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_password_reset_requests_token_hash",
                table: "password_reset_requests",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_password_reset_requests_user_id",
                table: "password_reset_requests",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "password_reset_requests");
        }
    }
}
