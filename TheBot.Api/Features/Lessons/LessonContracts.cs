using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Lessons;

/// <summary>A teacher books for themself (teacherId may be omitted); an admin names the teacher.</summary>
public sealed record CreateLessonRequest(
    [property: Required] Guid? StudentId,
    [property: Required] Guid? SubjectId,
    Guid? TeacherId,
    [property: Required] DateTimeOffset? StartsAt,
    [property: Required] DateTimeOffset? EndsAt,
    [property: MaxLength(200)] string? Topic,
    [property: MaxLength(500)] string? MeetingLink);

/// <summary>Move a lesson (and optionally change its topic or link); a confirmed lesson needs confirming again.</summary>
public sealed record RescheduleLessonRequest(
    [property: Required] DateTimeOffset? StartsAt,
    [property: Required] DateTimeOffset? EndsAt,
    [property: MaxLength(200)] string? Topic,
    [property: MaxLength(500)] string? MeetingLink);

public sealed record CancelLessonRequest([property: Required, MinLength(1), MaxLength(500)] string? Reason);

public sealed record LessonResponse(
    Guid Id,
    EnrollmentSubject Subject,
    PersonRef Teacher,
    PersonRef Student,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    LessonStatus Status,
    string? Topic,
    string? MeetingLink,
    string? CancelReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record LessonHistoryItem(
    string Action,
    PersonRef? Actor,
    DateTimeOffset At,
    LessonStatus? FromStatus,
    LessonStatus ToStatus,
    DateTimeOffset? FromStartsAt,
    DateTimeOffset? FromEndsAt,
    DateTimeOffset ToStartsAt,
    DateTimeOffset ToEndsAt,
    string? Note);

public sealed record LessonQuery
{
    /// <summary>Lessons ending after this instant (default: no lower bound).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Lessons starting before this instant (default: no upper bound).</summary>
    public DateTimeOffset? To { get; init; }

    public Guid? TeacherId { get; init; }

    public Guid? StudentId { get; init; }

    public Guid? SubjectId { get; init; }

    /// <summary>pending, confirmed, completed, cancelled or missed.</summary>
    [EnumName<LessonStatus>]
    public string? Status { get; init; }

    public LessonStatus? StatusFilter => WireName.Parse<LessonStatus>(Status);

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record CalendarFeedResponse(string Token, string Url);

/// <summary>The checks a booking and a move share that DataAnnotations cannot make (they need the clock or parse a link).</summary>
internal static class LessonRequestChecks
{
    /// <summary>The times first, then the link: the first field in the way is the one reported.</summary>
    public static ValidationProblem? Schedule(DateTimeOffset startsAt, DateTimeOffset endsAt, string? meetingLink, DateTimeOffset now) =>
        CheckTimes(startsAt, endsAt, now) ?? CheckMeetingLink(meetingLink);

    private static ValidationProblem? CheckTimes(DateTimeOffset startsAt, DateTimeOffset endsAt, DateTimeOffset now)
    {
        if (startsAt < now)
        {
            return ApiProblems.Invalid("startsAt", "A lesson cannot start in the past.");
        }

        var minutes = (endsAt - startsAt).TotalMinutes;
        if (minutes < Lesson.MinMinutes || minutes > Lesson.MaxMinutes)
        {
            return ApiProblems.Invalid("endsAt", $"A lesson lasts between {Lesson.MinMinutes} minutes and {Lesson.MaxMinutes / 60} hours.");
        }

        return null;
    }

    private static ValidationProblem? CheckMeetingLink(string? link) =>
        string.IsNullOrWhiteSpace(link)
        || (Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host))
            ? null
            : ApiProblems.Invalid("meetingLink", "The meeting link must be an https:// address.");
}

/// <summary>
/// The lesson a booking or move clashes with, in the 409's <c>conflictingLesson</c> member. <c>SameTeacher</c>: it is
/// the same teacher's lesson (so the teacher can open it); a student's clash may be with another teacher's lesson,
/// which only admins can open.
/// </summary>
public sealed record ConflictingLesson(
    Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, ConflictingLessonPerson Student, ConflictingLessonSubject Subject, bool SameTeacher);

public sealed record ConflictingLessonPerson(Guid Id, string FullName);

public sealed record ConflictingLessonSubject(Guid Id, string Name);
