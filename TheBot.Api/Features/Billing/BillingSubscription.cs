using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Billing;

public enum SubscriptionStatus
{
    Active,

    /// <summary>Cancelled by the parent: nothing more is issued; the paid period runs to its end.</summary>
    Cancelled,

    /// <summary>Every charge attempt of a period failed; the parent pays by hand or subscribes again.</summary>
    PastDue,
}

/// <summary>A parent's standing order: renew an enrollment every <see cref="EveryWeeks"/> weeks.</summary>
public sealed class BillingSubscription
{
    public Guid Id { get; set; }

    public Guid EnrollmentId { get; set; }

    public Enrollment? Enrollment { get; set; }

    public Guid ParentId { get; set; }

    public User? Parent { get; set; }

    public int EveryWeeks { get; set; }

    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.Active;

    /// <summary>The provider's saved payment method (YooKassa's <c>payment_method.id</c>), once a payment saved one.</summary>
    public string? PaymentMethodId { get; set; }

    public string? PaymentProvider { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>The last day the cancelled subscription's paid period covers.</summary>
    public DateOnly? EndsOn { get; set; }

    public uint Version { get; set; }
}

public enum ChargeStatus
{
    /// <summary>The period's invoice is out; a charge is due at <see cref="SubscriptionCharge.NextAttemptAt"/>.</summary>
    Scheduled,
    Succeeded,

    /// <summary>Every attempt failed.</summary>
    Failed,

    /// <summary>The invoice was paid another way (by hand), or there is no saved method: nothing to charge.</summary>
    NotCharged,
}

/// <summary>
/// One period of a subscription: its invoice and the attempts to charge it. Unique per (subscription, period start),
/// so a period is issued once; each attempt sends the provider the idempotence key
/// <c>sub-{subscription}-{period}-{attempt}</c>, so a repeated attempt is the same charge.
/// </summary>
public sealed class SubscriptionCharge
{
    public Guid Id { get; set; }

    public Guid SubscriptionId { get; set; }

    public BillingSubscription? Subscription { get; set; }

    /// <summary>The paid-until date the period starts after.</summary>
    public DateOnly PeriodStart { get; set; }

    public Guid InvoiceId { get; set; }

    public ChargeStatus Status { get; set; } = ChargeStatus.Scheduled;

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class BillingSubscriptionConfiguration : IEntityTypeConfiguration<BillingSubscription>
{
    public void Configure(EntityTypeBuilder<BillingSubscription> builder)
    {
        builder.ToTable("billing_subscriptions", t => t.HasCheckConstraint("ck_billing_subscriptions_every_weeks", "every_weeks BETWEEN 1 AND 52"));
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.PaymentMethodId).HasMaxLength(64);
        builder.Property(s => s.PaymentProvider).HasMaxLength(32);
        builder.Property(s => s.Version).IsRowVersion();
        builder.HasOne(s => s.Enrollment).WithMany().HasForeignKey(s => s.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(s => s.Parent).WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);

        // One live subscription per enrollment.
        builder.HasIndex(s => s.EnrollmentId).IsUnique().HasFilter("status <> 'Cancelled'")
            .HasDatabaseName("ux_billing_subscriptions_one_live_per_enrollment");
        builder.HasIndex(s => new { s.Status, s.EnrollmentId });
        builder.HasIndex(s => s.ParentId);
    }
}

internal sealed class SubscriptionChargeConfiguration : IEntityTypeConfiguration<SubscriptionCharge>
{
    public void Configure(EntityTypeBuilder<SubscriptionCharge> builder)
    {
        builder.ToTable("subscription_charges");
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.LastError).HasMaxLength(500);
        builder.HasOne(c => c.Subscription).WithMany().HasForeignKey(c => c.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invoices.Invoice>().WithMany().HasForeignKey(c => c.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.SubscriptionId, c.PeriodStart }).IsUnique();
        builder.HasIndex(c => new { c.Status, c.NextAttemptAt });
        builder.HasIndex(c => c.InvoiceId);
    }
}
