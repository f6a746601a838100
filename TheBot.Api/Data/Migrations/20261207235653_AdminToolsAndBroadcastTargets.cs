using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdminToolsAndBroadcastTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "include_parents",
                table: "broadcasts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "teacher_id",
                table: "broadcasts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "tutor_id",
                table: "broadcasts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "user_ids",
                table: "broadcasts",
                type: "uuid[]",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_teacher_id",
                table: "broadcasts",
                column: "teacher_id");

            migrationBuilder.CreateIndex(
                name: "ix_broadcasts_tutor_id",
                table: "broadcasts",
                column: "tutor_id");

            migrationBuilder.CreateIndex(
                name: "ix_auth_sessions_user_id_last_seen_at",
                table: "auth_sessions",
                columns: new[] { "user_id", "last_seen_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_broadcasts_asp_net_users_teacher_id",
                table: "broadcasts",
                column: "teacher_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_broadcasts_asp_net_users_tutor_id",
                table: "broadcasts",
                column: "tutor_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_broadcasts_asp_net_users_teacher_id",
                table: "broadcasts");

            migrationBuilder.DropForeignKey(
                name: "fk_broadcasts_asp_net_users_tutor_id",
                table: "broadcasts");

            migrationBuilder.DropIndex(
                name: "ix_broadcasts_teacher_id",
                table: "broadcasts");

            migrationBuilder.DropIndex(
                name: "ix_broadcasts_tutor_id",
                table: "broadcasts");

            migrationBuilder.DropIndex(
                name: "ix_auth_sessions_user_id_last_seen_at",
                table: "auth_sessions");

            migrationBuilder.DropColumn(
                name: "include_parents",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "teacher_id",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "tutor_id",
                table: "broadcasts");

            migrationBuilder.DropColumn(
                name: "user_ids",
                table: "broadcasts");
        }
    }
}
