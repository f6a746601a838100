using Microsoft.AspNetCore.Identity;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Users;

/// <summary>A person who signs in; email is the login. Profiles per role hang off it.</summary>
public sealed class User : IdentityUser<Guid>
{
    public const string DefaultTimeZone = "Europe/Moscow";

    public required string FullName { get; set; }

    public UserRole Role { get; set; }

    /// <summary>IANA time zone id, used for quiet hours and calendar feeds.</summary>
    public string TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>"ru" or "en".</summary>
    public string Language { get; set; } = "ru";

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The content-store key of their picture (PNG, JPEG or WebP), or null: initials are shown instead.</summary>
    public string? AvatarKey { get; set; }

    public string? AvatarContentType { get; set; }

    public StudentProfile? StudentProfile { get; set; }

    public TeacherProfile? TeacherProfile { get; set; }

    public TutorProfile? TutorProfile { get; set; }
}

public sealed class StudentProfile
{
    public Guid UserId { get; set; }

    public int? Grade { get; set; }

    public string? Goal { get; set; }

    /// <summary>The tutor who manages this student's programme and bills the parents.</summary>
    public Guid? TutorId { get; set; }

    public User? Tutor { get; set; }

    public List<StudentParent> Parents { get; set; } = [];
}

/// <summary>
/// A parent of a student; a student may have several, a parent several children. Only confirmed links live
/// here — the parent accepted an invitation (or redeemed its code), or an admin linked them — so every
/// check built on this table (bills, chats, what a parent sees) counts nobody who did not say yes.
/// </summary>
public sealed class StudentParent
{
    public Guid StudentId { get; set; }

    public Guid ParentId { get; set; }

    public User? Parent { get; set; }

    public DateTimeOffset LinkedAt { get; set; }
}

public sealed class TeacherProfile
{
    public Guid UserId { get; set; }

    public string? Bio { get; set; }
}

public sealed class TutorProfile
{
    public Guid UserId { get; set; }

    public string? Bio { get; set; }
}
