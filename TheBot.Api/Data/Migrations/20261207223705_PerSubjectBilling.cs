using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TheBot.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerSubjectBilling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cancellation_reason",
                table: "sandbox_payments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_method_id",
                table: "sandbox_payments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "save_payment_method",
                table: "sandbox_payments",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "saved_payment_method_id",
                table: "payments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "paid_until",
                table: "enrollments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "period_weeks",
                table: "enrollments",
                type: "integer",
                nullable: false,
                defaultValue: 4);

            migrationBuilder.CreateTable(
                name: "billing_subscriptions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrollment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    every_weeks = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    payment_method_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    payment_provider = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_subscriptions", x => x.id);
                    table.CheckConstraint("ck_billing_subscriptions_every_weeks", "every_weeks BETWEEN 1 AND 52");
                    table.ForeignKey(
                        name: "fk_billing_subscriptions_enrollments_enrollment_id",
                        column: x => x.enrollment_id,
                        principalTable: "enrollments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_billing_subscriptions_users_parent_id",
                        column: x => x.parent_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "enrollment_price_overrides",
                columns: table => new
                {
                    enrollment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    set_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrollment_price_overrides", x => x.enrollment_id);
                    table.CheckConstraint("ck_enrollment_price_overrides_amount_positive", "amount > 0");
                    table.CheckConstraint("ck_enrollment_price_overrides_currency", "currency ~ '^[A-Z]{3}$'");
                    table.ForeignKey(
                        name: "fk_enrollment_price_overrides_asp_net_users_set_by_id",
                        column: x => x.set_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_enrollment_price_overrides_enrollments_enrollment_id",
                        column: x => x.enrollment_id,
                        principalTable: "enrollments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoice_refunds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_refunds", x => x.id);
                    table.CheckConstraint("ck_invoice_refunds_amount_positive", "amount > 0");
                    table.ForeignKey(
                        name: "fk_invoice_refunds_asp_net_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoice_refunds_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "subject_prices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    teacher_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    set_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subject_prices", x => x.id);
                    table.CheckConstraint("ck_subject_prices_amount_positive", "amount > 0");
                    table.CheckConstraint("ck_subject_prices_currency", "currency ~ '^[A-Z]{3}$'");
                    table.ForeignKey(
                        name: "fk_subject_prices_asp_net_users_set_by_id",
                        column: x => x.set_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_subject_prices_subjects_subject_id",
                        column: x => x.subject_id,
                        principalTable: "subjects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_subject_prices_users_teacher_id",
                        column: x => x.teacher_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "billing_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enrollment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: true),
                    weeks = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    paid_until = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_billing_periods", x => x.id);
                    table.CheckConstraint("ck_billing_periods_weeks", "weeks BETWEEN 1 AND 52");
                    table.ForeignKey(
                        name: "fk_billing_periods_billing_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "billing_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_billing_periods_enrollments_enrollment_id",
                        column: x => x.enrollment_id,
                        principalTable: "enrollments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_billing_periods_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "subscription_charges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subscription_id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_subscription_charges", x => x.id);
                    table.ForeignKey(
                        name: "fk_subscription_charges_billing_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "billing_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_subscription_charges_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_tutor_id_paid_at",
                table: "invoices",
                columns: new[] { "tutor_id", "paid_at" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_enrollments_period_weeks",
                table: "enrollments",
                sql: "period_weeks BETWEEN 1 AND 52");

            migrationBuilder.CreateIndex(
                name: "ix_billing_periods_enrollment_id_created_at",
                table: "billing_periods",
                columns: new[] { "enrollment_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_periods_invoice_id",
                table: "billing_periods",
                column: "invoice_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_billing_periods_subscription_id",
                table: "billing_periods",
                column: "subscription_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscriptions_parent_id",
                table: "billing_subscriptions",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscriptions_status_enrollment_id",
                table: "billing_subscriptions",
                columns: new[] { "status", "enrollment_id" });

            migrationBuilder.CreateIndex(
                name: "ux_billing_subscriptions_one_live_per_enrollment",
                table: "billing_subscriptions",
                column: "enrollment_id",
                unique: true,
                filter: "status <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "ix_enrollment_price_overrides_set_by_id",
                table: "enrollment_price_overrides",
                column: "set_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoice_refunds_created_at",
                table: "invoice_refunds",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_invoice_refunds_created_by_id",
                table: "invoice_refunds",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoice_refunds_invoice_id_created_at",
                table: "invoice_refunds",
                columns: new[] { "invoice_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_subject_prices_set_by_id",
                table: "subject_prices",
                column: "set_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_subject_prices_subject_id_teacher_id",
                table: "subject_prices",
                columns: new[] { "subject_id", "teacher_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            migrationBuilder.CreateIndex(
                name: "ix_subject_prices_teacher_id",
                table: "subject_prices",
                column: "teacher_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscription_charges_invoice_id",
                table: "subscription_charges",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_subscription_charges_status_next_attempt_at",
                table: "subscription_charges",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_subscription_charges_subscription_id_period_start",
                table: "subscription_charges",
                columns: new[] { "subscription_id", "period_start" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_periods");

            migrationBuilder.DropTable(
                name: "enrollment_price_overrides");

            migrationBuilder.DropTable(
                name: "invoice_refunds");

            migrationBuilder.DropTable(
                name: "subject_prices");

            migrationBuilder.DropTable(
                name: "subscription_charges");

            migrationBuilder.DropTable(
                name: "billing_subscriptions");

            migrationBuilder.DropIndex(
                name: "ix_invoices_tutor_id_paid_at",
                table: "invoices");

            migrationBuilder.DropCheckConstraint(
                name: "ck_enrollments_period_weeks",
                table: "enrollments");

            migrationBuilder.DropColumn(
                name: "cancellation_reason",
                table: "sandbox_payments");

            migrationBuilder.DropColumn(
                name: "payment_method_id",
                table: "sandbox_payments");

            migrationBuilder.DropColumn(
                name: "save_payment_method",
                table: "sandbox_payments");

            migrationBuilder.DropColumn(
                name: "saved_payment_method_id",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "paid_until",
                table: "enrollments");

            migrationBuilder.DropColumn(
                name: "period_weeks",
                table: "enrollments");
        }
    }
}
