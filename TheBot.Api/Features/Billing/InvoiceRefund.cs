using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Billing;

/// <summary>Money given back against a paid invoice (a cancelled period), with the reason; it reduces revenue.</summary>
public sealed class InvoiceRefund
{
    public Guid Id { get; set; }

    public Guid InvoiceId { get; set; }

    public Invoice? Invoice { get; set; }

    public decimal Amount { get; set; }

    public required string Reason { get; set; }

    public Guid CreatedById { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class InvoiceRefundConfiguration : IEntityTypeConfiguration<InvoiceRefund>
{
    public void Configure(EntityTypeBuilder<InvoiceRefund> builder)
    {
        builder.ToTable("invoice_refunds", t => t.HasCheckConstraint("ck_invoice_refunds_amount_positive", "amount > 0"));
        builder.Property(r => r.Amount).HasPrecision(12, 2);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.HasOne(r => r.Invoice).WithMany().HasForeignKey(r => r.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.InvoiceId, r.CreatedAt });
        builder.HasIndex(r => r.CreatedAt);
    }
}
