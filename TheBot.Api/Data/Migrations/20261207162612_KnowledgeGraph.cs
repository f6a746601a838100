using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class KnowledgeGraph : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "knowledge_elements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    check = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    video_url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    correct_number = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    tolerance = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    accepted_answers = table.Column<List<string>>(type: "text[]", nullable: false),
                    points = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    difficulty = table.Column<int>(type: "integer", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    estimated_minutes = table.Column<int>(type: "integer", nullable: true),
                    shared = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    options = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_elements", x => x.id);
                    table.CheckConstraint("ck_knowledge_elements_difficulty", "difficulty BETWEEN 1 AND 5");
                    table.CheckConstraint("ck_knowledge_elements_points", "points IS NULL OR points > 0");
                    table.CheckConstraint("ck_knowledge_elements_video_url", "video_url IS NULL OR video_url LIKE 'https://%' OR video_url LIKE 'http://%'");
                    table.ForeignKey(
                        name: "fk_knowledge_elements_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knowledge_elements_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_graphs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_graphs", x => x.id);
                    table.ForeignKey(
                        name: "fk_knowledge_graphs_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knowledge_graphs_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knowledge_graphs_users_teacher_id",
                        column: x => x.teacher_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_lessons",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    pass_percent = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_lessons", x => x.id);
                    table.CheckConstraint("ck_knowledge_lessons_pass_percent", "pass_percent BETWEEN 1 AND 100");
                    table.ForeignKey(
                        name: "fk_knowledge_lessons_asp_net_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knowledge_lessons_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_lesson_elements",
                columns: table => new
                {
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_lesson_elements", x => new { x.lesson_id, x.element_id });
                    table.CheckConstraint("ck_knowledge_lesson_elements_position", "position >= 0");
                    table.ForeignKey(
                        name: "fk_knowledge_lesson_elements_knowledge_elements_element_id",
                        column: x => x.element_id,
                        principalTable: "knowledge_elements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knowledge_lesson_elements_knowledge_lessons_lesson_id",
                        column: x => x.lesson_id,
                        principalTable: "knowledge_lessons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_nodes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    graph_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false),
                    x = table.Column<double>(type: "double precision", nullable: false),
                    y = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_nodes", x => x.id);
                    table.ForeignKey(
                        name: "fk_knowledge_nodes_knowledge_graphs_graph_id",
                        column: x => x.graph_id,
                        principalTable: "knowledge_graphs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_knowledge_nodes_knowledge_lessons_lesson_id",
                        column: x => x.lesson_id,
                        principalTable: "knowledge_lessons",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_attempts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    element_id = table.Column<Guid>(type: "uuid", nullable: false),
                    option_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    number = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    points = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reviewed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_attempts", x => x.id);
                    table.ForeignKey(
                        name: "fk_knowledge_attempts_asp_net_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knowledge_attempts_knowledge_elements_element_id",
                        column: x => x.element_id,
                        principalTable: "knowledge_elements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_knowledge_attempts_knowledge_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "knowledge_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_edges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    graph_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_node_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_edges", x => x.id);
                    table.CheckConstraint("ck_knowledge_edges_not_to_itself", "from_node_id <> to_node_id");
                    table.ForeignKey(
                        name: "fk_knowledge_edges_knowledge_graphs_graph_id",
                        column: x => x.graph_id,
                        principalTable: "knowledge_graphs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_knowledge_edges_knowledge_nodes_from_node_id",
                        column: x => x.from_node_id,
                        principalTable: "knowledge_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_knowledge_edges_knowledge_nodes_to_node_id",
                        column: x => x.to_node_id,
                        principalTable: "knowledge_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_progress",
                columns: table => new
                {
                    node_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    passed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    score_percent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_knowledge_progress", x => x.node_id);
                    table.ForeignKey(
                        name: "fk_knowledge_progress_asp_net_users_student_id",
                        column: x => x.student_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_knowledge_progress_knowledge_nodes_node_id",
                        column: x => x.node_id,
                        principalTable: "knowledge_nodes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_attempts_element_id",
                table: "knowledge_attempts",
                column: "element_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_attempts_node_id_element_id_answered_at",
                table: "knowledge_attempts",
                columns: new[] { "node_id", "element_id", "answered_at" });

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_attempts_outcome",
                table: "knowledge_attempts",
                column: "outcome",
                filter: "outcome = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_attempts_student_id",
                table: "knowledge_attempts",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_edges_from_node_id",
                table: "knowledge_edges",
                column: "from_node_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_edges_graph_id_from_node_id_to_node_id",
                table: "knowledge_edges",
                columns: new[] { "graph_id", "from_node_id", "to_node_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_edges_to_node_id",
                table: "knowledge_edges",
                column: "to_node_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_elements_author_id_subject_id_created_at",
                table: "knowledge_elements",
                columns: new[] { "author_id", "subject_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_elements_subject_id_shared_created_at",
                table: "knowledge_elements",
                columns: new[] { "subject_id", "shared", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_elements_tags",
                table: "knowledge_elements",
                column: "tags")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_graphs_student_id_subject_id",
                table: "knowledge_graphs",
                columns: new[] { "student_id", "subject_id" },
                unique: true,
                filter: "student_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_graphs_subject_id",
                table: "knowledge_graphs",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_graphs_teacher_id_subject_id",
                table: "knowledge_graphs",
                columns: new[] { "teacher_id", "subject_id" });

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_lesson_elements_element_id",
                table: "knowledge_lesson_elements",
                column: "element_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_lesson_elements_lesson_id_position",
                table: "knowledge_lesson_elements",
                columns: new[] { "lesson_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_lessons_author_id_subject_id_created_at",
                table: "knowledge_lessons",
                columns: new[] { "author_id", "subject_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_lessons_subject_id",
                table: "knowledge_lessons",
                column: "subject_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_nodes_graph_id_lesson_id",
                table: "knowledge_nodes",
                columns: new[] { "graph_id", "lesson_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_nodes_lesson_id",
                table: "knowledge_nodes",
                column: "lesson_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_progress_student_id",
                table: "knowledge_progress",
                column: "student_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "knowledge_attempts");

            migrationBuilder.DropTable(
                name: "knowledge_edges");

            migrationBuilder.DropTable(
                name: "knowledge_lesson_elements");

            migrationBuilder.DropTable(
                name: "knowledge_progress");

            migrationBuilder.DropTable(
                name: "knowledge_elements");

            migrationBuilder.DropTable(
                name: "knowledge_nodes");

            migrationBuilder.DropTable(
                name: "knowledge_graphs");

            migrationBuilder.DropTable(
                name: "knowledge_lessons");
        }
    }
}
