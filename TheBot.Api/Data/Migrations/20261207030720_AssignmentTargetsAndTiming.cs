using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AssignmentTargetsAndTiming : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "started_at",
                table: "submissions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "announced_at",
                table: "assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "for_all_students",
                table: "assignments",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "starts_at",
                table: "assignments",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "time_limit_minutes",
                table: "assignments",
                type: "integer",
                nullable: true);

            // Work published before this migration was for its whole subject and its students were told at publishing.
            migrationBuilder.Sql("UPDATE assignments SET announced_at = published_at WHERE published_at IS NOT NULL");

            migrationBuilder.CreateTable(
                name: "assignment_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    deadline_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignment_attempts", x => x.id);
                    table.CheckConstraint("ck_assignment_attempts_number", "number >= 1");
                    table.ForeignKey(
                        name: "fk_assignment_attempts_assignments_assignment_id",
                        column: x => x.assignment_id,
                        principalTable: "assignments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assignment_attempts_submissions_submission_id",
                        column: x => x.submission_id,
                        principalTable: "submissions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_assignment_attempts_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "assignment_recipients",
                columns: table => new
                {
                    assignment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assignment_recipients", x => new { x.assignment_id, x.student_id });
                    table.ForeignKey(
                        name: "fk_assignment_recipients_assignments_assignment_id",
                        column: x => x.assignment_id,
                        principalTable: "assignments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_assignment_recipients_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_assignments_starts_at",
                table: "assignments",
                column: "starts_at",
                filter: "announced_at IS NULL AND starts_at IS NOT NULL");

            migrationBuilder.AddCheckConstraint(
                name: "ck_assignments_starts_before_due",
                table: "assignments",
                sql: "starts_at IS NULL OR starts_at < due_at");

            migrationBuilder.AddCheckConstraint(
                name: "ck_assignments_time_limit",
                table: "assignments",
                sql: "time_limit_minutes IS NULL OR time_limit_minutes BETWEEN 1 AND 600");

            migrationBuilder.CreateIndex(
                name: "ix_assignment_attempts_assignment_id_student_id_number",
                table: "assignment_attempts",
                columns: new[] { "assignment_id", "student_id", "number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assignment_attempts_one_open",
                table: "assignment_attempts",
                columns: new[] { "assignment_id", "student_id" },
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_assignment_attempts_student_id_started_at",
                table: "assignment_attempts",
                columns: new[] { "student_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_assignment_attempts_submission_id",
                table: "assignment_attempts",
                column: "submission_id");

            migrationBuilder.CreateIndex(
                name: "ix_assignment_recipients_student_id",
                table: "assignment_recipients",
                column: "student_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assignment_attempts");

            migrationBuilder.DropTable(
                name: "assignment_recipients");

            migrationBuilder.DropIndex(
                name: "ix_assignments_starts_at",
                table: "assignments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_assignments_starts_before_due",
                table: "assignments");

            migrationBuilder.DropCheckConstraint(
                name: "ck_assignments_time_limit",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "started_at",
                table: "submissions");

            migrationBuilder.DropColumn(
                name: "announced_at",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "for_all_students",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "starts_at",
                table: "assignments");

            migrationBuilder.DropColumn(
                name: "time_limit_minutes",
                table: "assignments");
        }
    }
}
