using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Invoices;

namespace TheBot.Api.Features.Billing;

/// <summary>
/// An invoice that pays for one period of an enrollment. When the invoice is paid, the enrollment's paid-until date
/// moves by <see cref="Weeks"/> and <see cref="AppliedAt"/> is set, once: the invoice is unique here and the payment
/// path holds its row lock.
/// </summary>
public sealed class BillingPeriod
{
    public Guid Id { get; set; }

    public Guid EnrollmentId { get; set; }

    public Enrollment? Enrollment { get; set; }

    public Guid InvoiceId { get; set; }

    public Invoice? Invoice { get; set; }

    /// <summary>The subscription that issued it, if one did.</summary>
    public Guid? SubscriptionId { get; set; }

    public int Weeks { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the payment extended the enrollment's paid period.</summary>
    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>The paid-until date the payment produced.</summary>
    public DateOnly? PaidUntil { get; set; }
}

internal sealed class BillingPeriodConfiguration : IEntityTypeConfiguration<BillingPeriod>
{
    public void Configure(EntityTypeBuilder<BillingPeriod> builder)
    {
        builder.ToTable("billing_periods", t => t.HasCheckConstraint("ck_billing_periods_weeks", "weeks BETWEEN 1 AND 52"));
        builder.HasOne(p => p.Enrollment).WithMany().HasForeignKey(p => p.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Invoice).WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BillingSubscription>().WithMany().HasForeignKey(p => p.SubscriptionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => p.InvoiceId).IsUnique();
        builder.HasIndex(p => new { p.EnrollmentId, p.CreatedAt });
        builder.HasIndex(p => p.SubscriptionId);
    }
}
