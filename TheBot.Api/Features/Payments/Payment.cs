using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Invoices;

namespace TheBot.Api.Features.Payments;

public enum PaymentStatus
{
    Pending,
    Succeeded,
    Canceled,
    Refunded,
}

/// <summary>
/// One attempt to pay an invoice through a provider. The provider's id is unique, so a payment is
/// found (and locked) by it when the provider's notification comes; every status it goes through is
/// kept with the provider's raw answer.
/// </summary>
public sealed class Payment
{
    public Guid Id { get; set; }

    public Guid InvoiceId { get; set; }

    public Invoice? Invoice { get; set; }

    /// <summary><c>yookassa</c> or <c>sandbox</c>.</summary>
    public required string Provider { get; set; }

    public required string ProviderPaymentId { get; set; }

    public decimal Amount { get; set; }

    public required string Currency { get; set; }

    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;

    public string? ConfirmationUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The payment method the provider saved with this payment, for later charges without the payer.</summary>
    public string? SavedPaymentMethodId { get; set; }

    public List<PaymentEvent> Events { get; set; } = [];

    public bool IsFinal => Status is not PaymentStatus.Pending;
}

/// <summary>What happened to a payment and what the provider said at that moment.</summary>
public sealed class PaymentEvent
{
    public Guid Id { get; set; }

    public Guid PaymentId { get; set; }

    public PaymentStatus Status { get; set; }

    /// <summary><c>created</c>, <c>notification</c>, <c>refund</c>, <c>mismatch</c>…</summary>
    public required string Source { get; set; }

    public string? Note { get; set; }

    /// <summary>The provider's JSON as received.</summary>
    public string? ProviderResponse { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("payments", t => t.HasCheckConstraint("ck_payments_amount_positive", "amount > 0"));
        builder.Property(p => p.Provider).HasMaxLength(32);
        builder.Property(p => p.ProviderPaymentId).HasMaxLength(64);
        builder.HasIndex(p => new { p.Provider, p.ProviderPaymentId }).IsUnique();
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.ConfirmationUrl).HasMaxLength(2048);
        builder.Property(p => p.SavedPaymentMethodId).HasMaxLength(64);
        builder.Ignore(p => p.IsFinal);
        builder.HasOne(p => p.Invoice).WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.PaymentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.InvoiceId, p.Status });
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEvent>
{
    public void Configure(EntityTypeBuilder<PaymentEvent> builder)
    {
        builder.ToTable("payment_events");
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Source).HasMaxLength(32);
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.ProviderResponse).HasColumnType("jsonb");
        builder.HasIndex(e => new { e.PaymentId, e.At });
    }
}
