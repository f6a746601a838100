using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class StudyPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "study_plans",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    edited_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_study_plans", x => x.id);
                    table.CheckConstraint("ck_study_plans_sent_at", "status = 'Draft' OR sent_at IS NOT NULL");
                    table.CheckConstraint("ck_study_plans_week_starts_monday", "extract(isodow from week_start) = 1");
                    table.ForeignKey(
                        name: "fk_study_plans_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_study_plans_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_study_plans_users_teacher_id",
                        column: x => x.teacher_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "study_plan_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    file_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    file_length = table.Column<long>(type: "bigint", nullable: true),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    file_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_study_plan_items", x => x.id);
                    table.CheckConstraint("ck_study_plan_items_position", "position >= 0");
                    table.CheckConstraint("ck_study_plan_items_url_http", "url IS NULL OR url LIKE 'https://%' OR url LIKE 'http://%'");
                    table.ForeignKey(
                        name: "fk_study_plan_items_study_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "study_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_study_plan_items_file_key",
                table: "study_plan_items",
                column: "file_key",
                filter: "file_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_study_plan_items_plan_id_position",
                table: "study_plan_items",
                columns: new[] { "plan_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_study_plans_student_id_status_week_start",
                table: "study_plans",
                columns: new[] { "student_id", "status", "week_start" });

            migrationBuilder.CreateIndex(
                name: "ix_study_plans_student_id_subject_id_week_start",
                table: "study_plans",
                columns: new[] { "student_id", "subject_id", "week_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_study_plans_subject_id",
                table: "study_plans",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_study_plans_teacher_id_week_start",
                table: "study_plans",
                columns: new[] { "teacher_id", "week_start" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "study_plan_items");

            migrationBuilder.DropTable(
                name: "study_plans");
        }
    }
}
