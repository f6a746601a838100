using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class TelegramInvoiceEdits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "edit_attempts",
                table: "telegram_invoice_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "last_error",
                table: "telegram_invoice_messages",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "next_edit_at",
                table: "telegram_invoice_messages",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "shown_status",
                table: "telegram_invoice_messages",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            // Messages sent before this were edited on the spot (best effort): take them as showing their invoice's status.
            migrationBuilder.Sql("""
                UPDATE telegram_invoice_messages AS m
                SET shown_status = CASE WHEN i.status = 'Viewed' THEN 'Sent' ELSE i.status END
                FROM invoices AS i
                WHERE i.id = m.invoice_id
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "edit_attempts",
                table: "telegram_invoice_messages");

            migrationBuilder.DropColumn(
                name: "last_error",
                table: "telegram_invoice_messages");

            migrationBuilder.DropColumn(
                name: "next_edit_at",
                table: "telegram_invoice_messages");

            migrationBuilder.DropColumn(
                name: "shown_status",
                table: "telegram_invoice_messages");
        }
    }
}
