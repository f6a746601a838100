using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Invoices;

public enum InvoiceStatus
{
    Draft,
    Sent,
    Viewed,
    Overdue,
    Paid,
    Cancelled,
}

/// <summary>
/// A tutor's bill to a parent for one of the tutor's students. Money is an exact decimal; the
/// database refuses non-positive amounts and out-of-order timestamps.
/// </summary>
public sealed class Invoice
{
    public Guid Id { get; set; }

    /// <summary>Human-readable, from a database sequence: INV-000042.</summary>
    public long Number { get; set; }

    public Guid TutorId { get; set; }

    public User? Tutor { get; set; }

    public Guid ParentId { get; set; }

    public User? Parent { get; set; }

    public Guid StudentId { get; set; }

    public User? Student { get; set; }

    public Guid? EnrollmentId { get; set; }

    public Enrollment? Enrollment { get; set; }

    public decimal Amount { get; set; }

    /// <summary>ISO 4217, RUB by default.</summary>
    public string Currency { get; set; } = "RUB";

    public required string Description { get; set; }

    public DateOnly DueDate { get; set; }

    public InvoiceStatus Status { get; set; } = InvoiceStatus.Draft;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? ViewedAt { get; set; }

    public DateTimeOffset? PaidAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    public uint Version { get; set; }

    public List<InvoiceStatusChange> History { get; set; } = [];

    public string DisplayNumber => $"INV-{Number:D6}";

    public bool IsPayable => InvoiceWorkflow.CanPay(this);
}

/// <summary>One transition of an invoice: who (null for the system), when, from → to.</summary>
public sealed class InvoiceStatusChange
{
    public Guid Id { get; set; }

    public Guid InvoiceId { get; set; }

    public InvoiceStatus? From { get; set; }

    public InvoiceStatus To { get; set; }

    public Guid? ActorId { get; set; }

    public DateTimeOffset At { get; set; }

    public string? Note { get; set; }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("invoices", t =>
        {
            t.HasCheckConstraint("ck_invoices_amount_positive", "amount > 0");
            t.HasCheckConstraint("ck_invoices_currency", "currency ~ '^[A-Z]{3}$'");
            t.HasCheckConstraint("ck_invoices_viewed_after_sent", "viewed_at IS NULL OR (sent_at IS NOT NULL AND viewed_at >= sent_at)");
            t.HasCheckConstraint("ck_invoices_paid_after_viewed", "paid_at IS NULL OR (sent_at IS NOT NULL AND paid_at >= sent_at AND (viewed_at IS NULL OR paid_at >= viewed_at))");
        });
        builder.Property(i => i.Number).HasDefaultValueSql("nextval('invoice_numbers')");
        builder.HasIndex(i => i.Number).IsUnique();
        builder.Property(i => i.Amount).HasPrecision(12, 2);
        builder.Property(i => i.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(i => i.Description).HasMaxLength(1000);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Version).IsRowVersion();
        builder.Ignore(i => i.DisplayNumber);
        builder.Ignore(i => i.IsPayable);
        builder.HasOne(i => i.Tutor).WithMany().HasForeignKey(i => i.TutorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Parent).WithMany().HasForeignKey(i => i.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Student).WithMany().HasForeignKey(i => i.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Enrollment).WithMany().HasForeignKey(i => i.EnrollmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(i => i.History).WithOne().HasForeignKey(h => h.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.TutorId, i.Status, i.DueDate });
        builder.HasIndex(i => new { i.ParentId, i.Status, i.DueDate });
        builder.HasIndex(i => new { i.Status, i.DueDate });
        builder.HasIndex(i => i.StudentId);
        builder.HasIndex(i => new { i.TutorId, i.PaidAt });
    }
}

internal sealed class InvoiceStatusChangeConfiguration : IEntityTypeConfiguration<InvoiceStatusChange>
{
    public void Configure(EntityTypeBuilder<InvoiceStatusChange> builder)
    {
        builder.ToTable("invoice_status_history");
        builder.Property(h => h.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(h => h.Note).HasMaxLength(500);
        builder.HasIndex(h => new { h.InvoiceId, h.At });
    }
}
