using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationFamilies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "created_parent_id",
                table: "signup_applications",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "signup_applications",
                type: "character varying(8)",
                maxLength: 8,
                nullable: false,
                defaultValue: "ru");

            migrationBuilder.AddColumn<string>(
                name: "parent_email",
                table: "signup_applications",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "parent_full_name",
                table: "signup_applications",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "family_welcome_mails",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_welcome_mails", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_welcome_mails_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_family_welcome_mails_signup_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "signup_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "telegram_posts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chat = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(32)", maxLength: 32, nullable: false),
                    chat_id = table.Column<long>(type: "bigint", nullable: false),
                    text = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_posts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_signup_applications_created_parent_id",
                table: "signup_applications",
                column: "created_parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_welcome_mails_application_id",
                table: "family_welcome_mails",
                column: "application_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_welcome_mails_next_attempt_at",
                table: "family_welcome_mails",
                column: "next_attempt_at",
                filter: "status = 'pending'");

            migrationBuilder.CreateIndex(
                name: "ix_family_welcome_mails_user_id",
                table: "family_welcome_mails",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_posts_created_at",
                table: "telegram_posts",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_posts_next_attempt_at",
                table: "telegram_posts",
                column: "next_attempt_at",
                filter: "status = 'pending'");

            migrationBuilder.AddForeignKey(
                name: "fk_signup_applications_asp_net_users_created_parent_id",
                table: "signup_applications",
                column: "created_parent_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_signup_applications_asp_net_users_created_parent_id",
                table: "signup_applications");

            migrationBuilder.DropTable(
                name: "family_welcome_mails");

            migrationBuilder.DropTable(
                name: "telegram_posts");

            migrationBuilder.DropIndex(
                name: "ix_signup_applications_created_parent_id",
                table: "signup_applications");

            migrationBuilder.DropColumn(
                name: "created_parent_id",
                table: "signup_applications");

            migrationBuilder.DropColumn(
                name: "language",
                table: "signup_applications");

            migrationBuilder.DropColumn(
                name: "parent_email",
                table: "signup_applications");

            migrationBuilder.DropColumn(
                name: "parent_full_name",
                table: "signup_applications");
        }
    }
}
