using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TheBot.Api.Features.Subjects;
using TheBot.Api.Features.Users;

namespace TheBot.Api.Features.Knowledge;

public enum KnowledgeElementKind
{
    Theory,
    Video,
    Question,
    Problem,
}

/// <summary>How a student's answer to an element is checked (docs/knowledge-graph.md, "Element kinds and checks").</summary>
public enum KnowledgeCheck
{
    None,

    // The wire name the contract gives (docs/knowledge-graph.md), not the type.
#pragma warning disable CA1720
    Single,
#pragma warning restore CA1720
    Multiple,
    Number,
    Text,
    Free,
}

public enum KnowledgeOutcome
{
    Correct,
    Wrong,
    Pending,
}

public enum KnowledgeNodeStatus
{
    Locked,
    Available,
    InProgress,
    Passed,
}

/// <summary>A reusable piece of a lesson, written by a teacher in a subject; the answer key stays with teachers.</summary>
public sealed class KnowledgeElement
{
    public const int MaxTitle = 200;
    public const int MaxBody = 20_000;
    public const int MaxUrl = 500;
    public const int MaxOptions = 10;
    public const int MaxAccepted = 20;
    public const int MaxText = 4000;
    public const int MaxTags = 10;
    public const int MaxTag = 40;

    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public User? Author { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public KnowledgeElementKind Kind { get; set; }

    public KnowledgeCheck Check { get; set; }

    public required string Title { get; set; }

    public string? Body { get; set; }

    public string? VideoUrl { get; set; }

    /// <summary>A question's options in order, the right ones marked (jsonb).</summary>
    public List<KnowledgeOption> Options { get; set; } = [];

    public decimal? CorrectNumber { get; set; }

    public decimal? Tolerance { get; set; }

    public List<string> AcceptedAnswers { get; set; } = [];

    /// <summary>Null for theory and video.</summary>
    public decimal? Points { get; set; }

    public int Difficulty { get; set; } = 1;

    public List<string> Tags { get; set; } = [];

    public int? EstimatedMinutes { get; set; }

    public bool Shared { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool Answerable => Check != KnowledgeCheck.None;
}

/// <summary>A choice of a question; <see cref="Id"/> is unique in its element.</summary>
public sealed class KnowledgeOption
{
    public required string Id { get; set; }

    public required string Text { get; set; }

    public bool Correct { get; set; }
}

/// <summary>A teacher's lesson: elements in order and the pass mark.</summary>
public sealed class KnowledgeLesson
{
    public const int MaxElements = 50;

    public Guid Id { get; set; }

    public Guid AuthorId { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public int PassPercent { get; set; } = 80;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<KnowledgeLessonElement> Elements { get; } = [];
}

public sealed class KnowledgeLessonElement
{
    public Guid LessonId { get; set; }

    public Guid ElementId { get; set; }

    public KnowledgeElement? Element { get; set; }

    public int Position { get; set; }
}

/// <summary>A student's graph of lessons (or a template when <see cref="StudentId"/> is null).</summary>
public sealed class KnowledgeGraph
{
    public Guid Id { get; set; }

    public Guid TeacherId { get; set; }

    public User? Teacher { get; set; }

    public Guid SubjectId { get; set; }

    public Subject? Subject { get; set; }

    public Guid? StudentId { get; set; }

    public User? Student { get; set; }

    public required string Title { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<KnowledgeNode> Nodes { get; } = [];

    public List<KnowledgeEdge> Edges { get; } = [];
}

public sealed class KnowledgeNode
{
    public Guid Id { get; set; }

    public Guid GraphId { get; set; }

    public Guid LessonId { get; set; }

    public KnowledgeLesson? Lesson { get; set; }

    public double X { get; set; }

    public double Y { get; set; }
}

/// <summary><see cref="FromNodeId"/> is a prerequisite of <see cref="ToNodeId"/>.</summary>
public sealed class KnowledgeEdge
{
    public Guid Id { get; set; }

    public Guid GraphId { get; set; }

    public Guid FromNodeId { get; set; }

    public Guid ToNodeId { get; set; }
}

/// <summary>A student's progress on one node of their graph.</summary>
public sealed class KnowledgeProgress
{
    public Guid NodeId { get; set; }

    public Guid StudentId { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    public DateTimeOffset? LastActivityAt { get; set; }

    public DateTimeOffset? PassedAt { get; set; }

    public decimal ScorePercent { get; set; }
}

/// <summary>One answer a student gave to an element of a node's lesson.</summary>
public sealed class KnowledgeAttempt
{
    public Guid Id { get; set; }

    public Guid NodeId { get; set; }

    public KnowledgeNode? Node { get; set; }

    public Guid StudentId { get; set; }

    public Guid ElementId { get; set; }

    public KnowledgeElement? Element { get; set; }

    public List<string> OptionIds { get; set; } = [];

    public decimal? Number { get; set; }

    public string? Text { get; set; }

    public KnowledgeOutcome Outcome { get; set; }

    public decimal Points { get; set; }

    public DateTimeOffset AnsweredAt { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }
}

internal sealed class KnowledgeElementConfiguration : IEntityTypeConfiguration<KnowledgeElement>
{
    public void Configure(EntityTypeBuilder<KnowledgeElement> builder)
    {
        builder.ToTable("knowledge_elements", t =>
        {
            t.HasCheckConstraint("ck_knowledge_elements_difficulty", "difficulty BETWEEN 1 AND 5");
            t.HasCheckConstraint("ck_knowledge_elements_points", "points IS NULL OR points > 0");
            t.HasCheckConstraint("ck_knowledge_elements_video_url", "video_url IS NULL OR video_url LIKE 'https://%' OR video_url LIKE 'http://%'");
        });
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Check).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Title).HasMaxLength(KnowledgeElement.MaxTitle);
        builder.Property(e => e.Body).HasMaxLength(KnowledgeElement.MaxBody);
        builder.Property(e => e.VideoUrl).HasMaxLength(KnowledgeElement.MaxUrl);
        builder.Property(e => e.Points).HasPrecision(8, 2);
        builder.Property(e => e.CorrectNumber).HasPrecision(18, 6);
        builder.Property(e => e.Tolerance).HasPrecision(18, 6);
        builder.OwnsMany(e => e.Options, o => o.ToJson());
        builder.HasOne(e => e.Author).WithMany().HasForeignKey(e => e.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Subject).WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.AuthorId, e.SubjectId, e.CreatedAt });
        builder.HasIndex(e => new { e.SubjectId, e.Shared, e.CreatedAt });
        builder.HasIndex(e => e.Tags).HasMethod("gin");
    }
}

internal sealed class KnowledgeLessonConfiguration : IEntityTypeConfiguration<KnowledgeLesson>
{
    public void Configure(EntityTypeBuilder<KnowledgeLesson> builder)
    {
        builder.ToTable("knowledge_lessons", t => t.HasCheckConstraint("ck_knowledge_lessons_pass_percent", "pass_percent BETWEEN 1 AND 100"));
        builder.Property(l => l.Title).HasMaxLength(KnowledgeElement.MaxTitle);
        builder.Property(l => l.Description).HasMaxLength(KnowledgeElement.MaxText);
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.Subject).WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Elements).WithOne().HasForeignKey(e => e.LessonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.AuthorId, l.SubjectId, l.CreatedAt });
    }
}

internal sealed class KnowledgeLessonElementConfiguration : IEntityTypeConfiguration<KnowledgeLessonElement>
{
    public void Configure(EntityTypeBuilder<KnowledgeLessonElement> builder)
    {
        builder.ToTable("knowledge_lesson_elements", t => t.HasCheckConstraint("ck_knowledge_lesson_elements_position", "position >= 0"));
        builder.HasKey(e => new { e.LessonId, e.ElementId });
        builder.HasOne(e => e.Element).WithMany().HasForeignKey(e => e.ElementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ElementId);
        builder.HasIndex(e => new { e.LessonId, e.Position }).IsUnique();
    }
}

internal sealed class KnowledgeGraphConfiguration : IEntityTypeConfiguration<KnowledgeGraph>
{
    public void Configure(EntityTypeBuilder<KnowledgeGraph> builder)
    {
        builder.ToTable("knowledge_graphs");
        builder.Property(g => g.Title).HasMaxLength(KnowledgeElement.MaxTitle);
        builder.HasOne(g => g.Teacher).WithMany().HasForeignKey(g => g.TeacherId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.Student).WithMany().HasForeignKey(g => g.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.Subject).WithMany().HasForeignKey(g => g.SubjectId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Nodes).WithOne().HasForeignKey(n => n.GraphId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Edges).WithOne().HasForeignKey(e => e.GraphId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.StudentId, g.SubjectId }).IsUnique().HasFilter("student_id IS NOT NULL");
        builder.HasIndex(g => new { g.TeacherId, g.SubjectId });
    }
}

internal sealed class KnowledgeNodeConfiguration : IEntityTypeConfiguration<KnowledgeNode>
{
    public void Configure(EntityTypeBuilder<KnowledgeNode> builder)
    {
        builder.ToTable("knowledge_nodes");
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasOne(n => n.Lesson).WithMany().HasForeignKey(n => n.LessonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.GraphId, n.LessonId }).IsUnique();
        builder.HasIndex(n => n.LessonId);
    }
}

internal sealed class KnowledgeEdgeConfiguration : IEntityTypeConfiguration<KnowledgeEdge>
{
    public void Configure(EntityTypeBuilder<KnowledgeEdge> builder)
    {
        builder.ToTable("knowledge_edges", t => t.HasCheckConstraint("ck_knowledge_edges_not_to_itself", "from_node_id <> to_node_id"));
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<KnowledgeNode>().WithMany().HasForeignKey(e => e.FromNodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<KnowledgeNode>().WithMany().HasForeignKey(e => e.ToNodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.GraphId, e.FromNodeId, e.ToNodeId }).IsUnique();
        builder.HasIndex(e => e.FromNodeId);
        builder.HasIndex(e => e.ToNodeId);
    }
}

internal sealed class KnowledgeProgressConfiguration : IEntityTypeConfiguration<KnowledgeProgress>
{
    public void Configure(EntityTypeBuilder<KnowledgeProgress> builder)
    {
        builder.ToTable("knowledge_progress");
        builder.HasKey(p => p.NodeId);
        builder.Property(p => p.ScorePercent).HasPrecision(5, 1);
        builder.HasOne<KnowledgeNode>().WithOne().HasForeignKey<KnowledgeProgress>(p => p.NodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.StudentId);
    }
}

internal sealed class KnowledgeAttemptConfiguration : IEntityTypeConfiguration<KnowledgeAttempt>
{
    public void Configure(EntityTypeBuilder<KnowledgeAttempt> builder)
    {
        builder.ToTable("knowledge_attempts");
        builder.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Points).HasPrecision(8, 2);
        builder.Property(a => a.Number).HasPrecision(18, 6);
        builder.Property(a => a.Text).HasMaxLength(KnowledgeElement.MaxText);
        builder.HasOne(a => a.Node).WithMany().HasForeignKey(a => a.NodeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Element).WithMany().HasForeignKey(a => a.ElementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.StudentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.NodeId, a.ElementId, a.AnsweredAt });
        builder.HasIndex(a => a.ElementId);
        builder.HasIndex(a => a.Outcome).HasFilter("outcome = 'Pending'");
    }
}
