using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Billing;

/// <summary>A tutor's price for one enrollment (a discount), with the reason; it wins over the subject's price.</summary>
public sealed class EnrollmentPriceOverride
{
    public Guid EnrollmentId { get; set; }

    public Enrollment? Enrollment { get; set; }

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "RUB";

    public required string Reason { get; set; }

    public Guid SetById { get; set; }

    public DateTimeOffset SetAt { get; set; }
}

internal sealed class EnrollmentPriceOverrideConfiguration : IEntityTypeConfiguration<EnrollmentPriceOverride>
{
    public void Configure(EntityTypeBuilder<EnrollmentPriceOverride> builder)
    {
        builder.ToTable("enrollment_price_overrides", t =>
        {
            t.HasCheckConstraint("ck_enrollment_price_overrides_amount_positive", "amount > 0");
            t.HasCheckConstraint("ck_enrollment_price_overrides_currency", "currency ~ '^[A-Z]{3}$'");
        });
        builder.HasKey(o => o.EnrollmentId);
        builder.Property(o => o.Amount).HasPrecision(12, 2);
        builder.Property(o => o.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(o => o.Reason).HasMaxLength(500);
        builder.HasOne(o => o.Enrollment).WithOne().HasForeignKey<EnrollmentPriceOverride>(o => o.EnrollmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(o => o.SetById).OnDelete(DeleteBehavior.Restrict);
    }
}
