using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// The sandbox provider's own record of a payment — what a real provider keeps on its side. It lives
/// in the database so that every api replica sees the same sandbox.
/// </summary>
public sealed class SandboxPayment
{
    public required string Id { get; set; }

    public decimal Amount { get; set; }

    public required string Currency { get; set; }

    public required string Description { get; set; }

    public required string ReturnUrl { get; set; }

    public required string IdempotenceKey { get; set; }

    /// <summary>pending, succeeded, canceled.</summary>
    public PaymentStatus Status { get; set; } = PaymentStatus.Pending;

    public bool Refunded { get; set; }

    public string MetadataJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The payer asked to keep the card for later charges (YooKassa's <c>save_payment_method</c>).</summary>
    public bool SavePaymentMethod { get; set; }

    /// <summary>The saved method this payment used or, once paid with <see cref="SavePaymentMethod"/>, saved.</summary>
    public string? PaymentMethodId { get; set; }

    /// <summary>Why the sandbox declined it (a declining saved method), as YooKassa's <c>cancellation_details.reason</c>.</summary>
    public string? CancellationReason { get; set; }
}

internal sealed class SandboxPaymentConfiguration : IEntityTypeConfiguration<SandboxPayment>
{
    public void Configure(EntityTypeBuilder<SandboxPayment> builder)
    {
        builder.ToTable("sandbox_payments");
        builder.Property(p => p.Id).HasMaxLength(64);
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(p => p.Description).HasMaxLength(1000);
        builder.Property(p => p.ReturnUrl).HasMaxLength(2048);
        builder.Property(p => p.IdempotenceKey).HasMaxLength(64);
        builder.HasIndex(p => p.IdempotenceKey).IsUnique();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.MetadataJson).HasColumnType("jsonb");
        builder.Property(p => p.PaymentMethodId).HasMaxLength(64);
        builder.Property(p => p.CancellationReason).HasMaxLength(64);
    }
}
