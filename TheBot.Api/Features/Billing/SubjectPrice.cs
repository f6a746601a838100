using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Billing;

/// <summary>
/// The price of one billing period of a subject, centre-wide (<see cref="TeacherId"/> null) or with one teacher
/// (that one wins). One price per (subject, teacher), the database says so.
/// </summary>
public sealed class SubjectPrice
{
    public Guid Id { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public Guid? TeacherId { get; set; }

    public User? Teacher { get; set; }

    public decimal Amount { get; set; }

    /// <summary>ISO 4217.</summary>
    public string Currency { get; set; } = "RUB";

    public Guid SetById { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class SubjectPriceConfiguration : IEntityTypeConfiguration<SubjectPrice>
{
    public void Configure(EntityTypeBuilder<SubjectPrice> builder)
    {
        builder.ToTable("subject_prices", t =>
        {
            t.HasCheckConstraint("ck_subject_prices_amount_positive", "amount > 0");
            t.HasCheckConstraint("ck_subject_prices_currency", "currency ~ '^[A-Z]{3}$'");
        });
        builder.Property(p => p.Amount).HasPrecision(12, 2);
        builder.Property(p => p.Currency).HasMaxLength(3).IsFixedLength();
        builder.HasOne(p => p.Subject).WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Teacher).WithMany().HasForeignKey(p => p.TeacherId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.SetById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SubjectId, p.TeacherId }).IsUnique().AreNullsDistinct(false);
        builder.HasIndex(p => p.TeacherId);
    }
}
