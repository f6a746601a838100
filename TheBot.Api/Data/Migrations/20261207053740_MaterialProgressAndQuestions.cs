using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class MaterialProgressAndQuestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_active_at",
                table: "material_progress",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<int>(
                name: "seconds_spent",
                table: "material_progress",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Progress recorded before heartbeats: its last report is its opening (or completion, if later).
            migrationBuilder.Sql("UPDATE material_progress SET last_active_at = GREATEST(opened_at, COALESCE(completed_at, opened_at));");

            migrationBuilder.CreateTable(
                name: "material_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    material_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_material_questions", x => x.id);
                    table.ForeignKey(
                        name: "fk_material_questions_materials_material_id",
                        column: x => x.material_id,
                        principalTable: "materials",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_material_questions_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "material_question_replies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    hidden = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_material_question_replies", x => x.id);
                    table.ForeignKey(
                        name: "fk_material_question_replies_material_questions_question_id",
                        column: x => x.question_id,
                        principalTable: "material_questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_material_question_replies_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_material_progress_seconds_spent",
                table: "material_progress",
                sql: "seconds_spent >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_material_question_replies_author_id",
                table: "material_question_replies",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_material_question_replies_question_id_created_at",
                table: "material_question_replies",
                columns: new[] { "question_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_material_questions_author_id",
                table: "material_questions",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_material_questions_material_id_created_at",
                table: "material_questions",
                columns: new[] { "material_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "material_question_replies");

            migrationBuilder.DropTable(
                name: "material_questions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_material_progress_seconds_spent",
                table: "material_progress");

            migrationBuilder.DropColumn(
                name: "last_active_at",
                table: "material_progress");

            migrationBuilder.DropColumn(
                name: "seconds_spent",
                table: "material_progress");
        }
    }
}
