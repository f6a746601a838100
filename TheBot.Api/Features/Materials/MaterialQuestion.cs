using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Materials;

/// <summary>Who sees a question besides the material's teacher and the asker (and the asker's parents and tutor).</summary>
public enum MaterialQuestionStatus
{
    /// <summary>Just asked: not yet shown to the other students.</summary>
    Pending,

    /// <summary>The teacher published it: everyone who sees the material sees it.</summary>
    Published,

    /// <summary>The teacher hid it from the class.</summary>
    Hidden,
}

/// <summary>A student's question under a material, with its thread of replies; the material's teacher moderates it.</summary>
public sealed class MaterialQuestion
{
    public Guid Id { get; set; }

    public Guid MaterialId { get; set; }

    public Material? Material { get; set; }

    public Guid AuthorId { get; set; }

    public User? Author { get; set; }

    public required string Text { get; set; }

    public MaterialQuestionStatus Status { get; set; } = MaterialQuestionStatus.Pending;

    /// <summary>Set by the teacher's first reply, or by marking it answered.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<MaterialQuestionReply> Replies { get; set; } = [];
}

/// <summary>A reply in a question's thread: the teacher's answer or a student's follow-up.</summary>
public sealed class MaterialQuestionReply
{
    public Guid Id { get; set; }

    public Guid QuestionId { get; set; }

    public Guid AuthorId { get; set; }

    public User? Author { get; set; }

    public required string Text { get; set; }

    /// <summary>Hidden by the teacher: only the teacher and its author see it.</summary>
    public bool Hidden { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class MaterialQuestionConfiguration : IEntityTypeConfiguration<MaterialQuestion>
{
    public void Configure(EntityTypeBuilder<MaterialQuestion> builder)
    {
        builder.ToTable("material_questions");
        builder.Property(q => q.Text).HasMaxLength(MaterialQuestionRules.MaxTextLength);
        builder.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(q => q.Material).WithMany().HasForeignKey(q => q.MaterialId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(q => q.Author).WithMany().HasForeignKey(q => q.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(q => q.Replies).WithOne().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.MaterialId, q.CreatedAt });
        builder.HasIndex(q => q.AuthorId);
    }
}

internal sealed class MaterialQuestionReplyConfiguration : IEntityTypeConfiguration<MaterialQuestionReply>
{
    public void Configure(EntityTypeBuilder<MaterialQuestionReply> builder)
    {
        builder.ToTable("material_question_replies");
        builder.Property(r => r.Text).HasMaxLength(MaterialQuestionRules.MaxTextLength);
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.QuestionId, r.CreatedAt });
        builder.HasIndex(r => r.AuthorId);
    }
}

public static class MaterialQuestionRules
{
    public const int MaxTextLength = 2000;
}
