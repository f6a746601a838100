using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <summary>
    /// The title-and-body progress reports become the weekly report chain's tables. Existing reports are kept as tutor's
    /// reports (author, student, status and dates as they were; the body as the summary, the title as legacy_title; the
    /// week that of sending, or of writing for a draft), then the old table goes. Down copies them back.
    /// </summary>
    public partial class WeeklyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teacher_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    progress = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    concerns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    recommendations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    lessons_attended = table.Column<int>(type: "integer", nullable: false),
                    lessons_scheduled = table.Column<int>(type: "integer", nullable: false),
                    average_score = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    file_content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    file_length = table.Column<long>(type: "bigint", nullable: true),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    file_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teacher_reports", x => x.id);
                    table.CheckConstraint("ck_teacher_reports_lessons", "lessons_attended >= 0 AND lessons_attended <= lessons_scheduled");
                    table.CheckConstraint("ck_teacher_reports_score", "average_score IS NULL OR (average_score >= 0 AND average_score <= 100)");
                    table.CheckConstraint("ck_teacher_reports_sent_at", "status = 'Draft' OR sent_at IS NOT NULL");
                    table.CheckConstraint("ck_teacher_reports_week_starts_monday", "extract(isodow from week_start) = 1");
                    table.ForeignKey(
                        name: "fk_teacher_reports_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_teacher_reports_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_teacher_reports_users_teacher_id",
                        column: x => x.teacher_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tutor_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(12000)", maxLength: 12000, nullable: false),
                    recommendations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    lessons_attended = table.Column<int>(type: "integer", nullable: false),
                    lessons_scheduled = table.Column<int>(type: "integer", nullable: false),
                    average_score = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    legacy_title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tutor_reports", x => x.id);
                    table.CheckConstraint("ck_tutor_reports_lessons", "lessons_attended >= 0 AND lessons_attended <= lessons_scheduled");
                    table.CheckConstraint("ck_tutor_reports_read_after_sent", "read_at IS NULL OR (sent_at IS NOT NULL AND read_at >= sent_at)");
                    table.CheckConstraint("ck_tutor_reports_score", "average_score IS NULL OR (average_score >= 0 AND average_score <= 100)");
                    table.CheckConstraint("ck_tutor_reports_sent_at", "status = 'Draft' OR sent_at IS NOT NULL");
                    table.CheckConstraint("ck_tutor_reports_week_starts_monday", "extract(isodow from week_start) = 1");
                    table.ForeignKey(
                        name: "fk_tutor_reports_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tutor_reports_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tutor_report_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tutor_report_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_tutor_report_notes_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tutor_report_notes_tutor_reports_report_id",
                        column: x => x.report_id,
                        principalTable: "tutor_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_teacher_reports_file_key",
                table: "teacher_reports",
                column: "file_key",
                filter: "file_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_teacher_reports_student_id_subject_id_week_start",
                table: "teacher_reports",
                columns: new[] { "student_id", "subject_id", "week_start" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teacher_reports_subject_id",
                table: "teacher_reports",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_teacher_reports_teacher_id_week_start",
                table: "teacher_reports",
                columns: new[] { "teacher_id", "week_start" });

            migrationBuilder.CreateIndex(
                name: "ix_teacher_reports_week_start_status",
                table: "teacher_reports",
                columns: new[] { "week_start", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_tutor_report_notes_report_id_subject_id",
                table: "tutor_report_notes",
                columns: new[] { "report_id", "subject_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tutor_report_notes_subject_id",
                table: "tutor_report_notes",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_tutor_reports_author_id_week_start",
                table: "tutor_reports",
                columns: new[] { "author_id", "week_start" });

            migrationBuilder.CreateIndex(
                name: "ix_tutor_reports_student_id_status_week_start",
                table: "tutor_reports",
                columns: new[] { "student_id", "status", "week_start" });

            migrationBuilder.CreateIndex(
                name: "ix_tutor_reports_student_id_week_start",
                table: "tutor_reports",
                columns: new[] { "student_id", "week_start" },
                unique: true,
                filter: "legacy_title IS NULL");

            migrationBuilder.Sql("""
                INSERT INTO tutor_reports (id, author_id, student_id, week_start, summary, recommendations, lessons_attended,
                    lessons_scheduled, average_score, legacy_title, status, created_at, updated_at, sent_at, read_at)
                SELECT id, author_id, student_id, date_trunc('week', COALESCE(sent_at, created_at) AT TIME ZONE 'UTC')::date,
                    body, '', 0, 0, NULL, title, status, created_at, COALESCE(read_at, sent_at, created_at), sent_at, read_at
                FROM progress_reports;
                """);

            migrationBuilder.DropTable(
                name: "progress_reports");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "progress_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    body = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progress_reports", x => x.id);
                    table.CheckConstraint("ck_progress_reports_read_after_sent", "read_at IS NULL OR (sent_at IS NOT NULL AND read_at >= sent_at)");
                    table.ForeignKey(
                        name: "fk_progress_reports_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_progress_reports_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_author_id_created_at",
                table: "progress_reports",
                columns: new[] { "author_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_progress_reports_student_id_status_created_at",
                table: "progress_reports",
                columns: new[] { "student_id", "status", "created_at" });

            // Weekly reports' structure has no place in the old table: their text parts are joined into the body.
            migrationBuilder.Sql("""
                INSERT INTO progress_reports (id, author_id, student_id, title, body, status, created_at, sent_at, read_at)
                SELECT id, author_id, student_id, COALESCE(legacy_title, 'Week of ' || to_char(week_start, 'YYYY-MM-DD')),
                    left(summary || CASE WHEN recommendations <> '' THEN E'\n\n' || recommendations ELSE '' END, 10000),
                    status, created_at, sent_at, read_at
                FROM tutor_reports;
                """);

            migrationBuilder.DropTable(
                name: "teacher_reports");

            migrationBuilder.DropTable(
                name: "tutor_report_notes");

            migrationBuilder.DropTable(
                name: "tutor_reports");
        }
    }
}
