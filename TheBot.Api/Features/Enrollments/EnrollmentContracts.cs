using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Enrollments;

public sealed record EnrollRequest(
    [property: Required] Guid? StudentId,
    [property: Required] Guid? SubjectId,
    [property: Required] Guid? TeacherId);

public sealed record UpdateEnrollmentRequest(
    [property: Required, EnumName<EnrollmentStatus>] string? Status);

public sealed record EnrollmentResponse(
    Guid Id,
    PersonRef Student,
    EnrollmentSubject Subject,
    PersonRef Teacher,
    EnrollmentStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt);

public sealed record EnrollmentSubject(Guid Id, string Name, string Color);

public sealed record EnrollmentQuery
{
    public Guid? StudentId { get; init; }

    public Guid? TeacherId { get; init; }

    public Guid? SubjectId { get; init; }

    /// <summary>active, completed or dropped.</summary>
    [EnumName<EnrollmentStatus>]
    public string? Status { get; init; }

    public EnrollmentStatus? StatusFilter => WireName.Parse<EnrollmentStatus>(Status);

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

/// <summary>Sent live to the student, teacher and tutor when an enrollment starts or ends.</summary>
public sealed record EnrollmentChangedEvent(Guid EnrollmentId, Guid StudentId, Guid SubjectId, Guid TeacherId, EnrollmentStatus Status);
