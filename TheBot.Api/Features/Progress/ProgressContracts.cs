using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Progress;

public sealed record StudentProgress(
    PersonRef Student,
    int LessonsCompleted,
    int LessonsCancelled,
    int LessonsMissed,
    int LessonsUpcoming,
    int Submissions,
    int Graded,
    int LateSubmissions,
    decimal? AveragePercent,
    int MaterialsOpened,
    int MaterialsCompleted,
    IReadOnlyList<ScorePoint> Scores);

/// <summary>One graded submission, in time order: the trend of the student's results.</summary>
public sealed record ScorePoint(Guid SubmissionId, string Assignment, string Subject, DateTimeOffset GradedAt, decimal FinalScore, decimal MaxScore, bool IsLate);

/// <summary>Draft a teacher's report; the figures, when left out, are filled in from the week's lessons and grades.</summary>
public sealed record CreateTeacherReportRequest(
    [property: Required] Guid? StudentId,
    [property: Required] Guid? SubjectId,
    /// <summary>The Monday the ISO week starts on (yyyy-MM-dd).</summary>
    [property: Required] DateOnly? WeekStart,
    [property: MaxLength(TeacherReport.MaxTextLength)] string? Summary,
    [property: MaxLength(TeacherReport.MaxTextLength)] string? Progress,
    [property: MaxLength(TeacherReport.MaxTextLength)] string? Concerns,
    [property: MaxLength(TeacherReport.MaxTextLength)] string? Recommendations);

/// <summary>The whole of a draft teacher's report as the teacher corrects it.</summary>
public sealed record UpdateTeacherReportRequest(
    [property: Required(AllowEmptyStrings = true), MaxLength(TeacherReport.MaxTextLength)] string? Summary,
    [property: Required(AllowEmptyStrings = true), MaxLength(TeacherReport.MaxTextLength)] string? Progress,
    [property: Required(AllowEmptyStrings = true), MaxLength(TeacherReport.MaxTextLength)] string? Concerns,
    [property: Required(AllowEmptyStrings = true), MaxLength(TeacherReport.MaxTextLength)] string? Recommendations,
    [property: Required, Range(0, WeeklyFigures.MaxLessons)] int? LessonsAttended,
    [property: Required, Range(0, WeeklyFigures.MaxLessons)] int? LessonsScheduled,
    [property: Range(typeof(decimal), "0", "100")] decimal? AverageScore);

public sealed record ReportFile(string FileName, string ContentType, long Length);

public sealed record TeacherReportResponse(
    Guid Id,
    PersonRef Teacher,
    PersonRef Student,
    EnrollmentSubject Subject,
    DateOnly WeekStart,
    string Summary,
    string Progress,
    string Concerns,
    string Recommendations,
    WeeklyFigures Figures,
    ReportFile? File,
    WeeklyReportStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReadAt);

/// <summary>The tutor's note on one subject of the week.</summary>
public sealed record TutorReportNoteRequest(
    [property: Required] Guid? SubjectId,
    [property: Required, MinLength(1), MaxLength(TeacherReport.MaxTextLength)] string? Text);

/// <summary>Draft a tutor's report; the figures are filled in from the child's week in every subject.</summary>
public sealed record CreateTutorReportRequest(
    [property: Required] Guid? StudentId,
    /// <summary>The Monday the ISO week starts on (yyyy-MM-dd).</summary>
    [property: Required] DateOnly? WeekStart,
    [property: MaxLength(TutorReport.MaxTextLength)] string? Summary,
    [property: MaxLength(TeacherReport.MaxTextLength)] string? Recommendations,
    [property: MaxLength(TutorReports.MaxNotes)] IReadOnlyList<TutorReportNoteRequest>? Notes);

/// <summary>The whole of a draft tutor's report as the tutor corrects it.</summary>
public sealed record UpdateTutorReportRequest(
    [property: Required(AllowEmptyStrings = true), MaxLength(TutorReport.MaxTextLength)] string? Summary,
    [property: Required(AllowEmptyStrings = true), MaxLength(TeacherReport.MaxTextLength)] string? Recommendations,
    [property: Required, MaxLength(TutorReports.MaxNotes)] IReadOnlyList<TutorReportNoteRequest>? Notes,
    [property: Required, Range(0, WeeklyFigures.MaxLessons)] int? LessonsAttended,
    [property: Required, Range(0, WeeklyFigures.MaxLessons)] int? LessonsScheduled,
    [property: Range(typeof(decimal), "0", "100")] decimal? AverageScore);

public sealed record TutorReportNoteResponse(EnrollmentSubject Subject, string Text);

public sealed record TutorReportResponse(
    Guid Id,
    PersonRef Author,
    PersonRef Student,
    DateOnly WeekStart,
    string? LegacyTitle,
    string Summary,
    string Recommendations,
    IReadOnlyList<TutorReportNoteResponse> Notes,
    WeeklyFigures Figures,
    WeeklyReportStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? ReadAt);

/// <summary>An active enrollment of one of the tutor's students whose teacher has not sent the week's report.</summary>
public sealed record MissingTeacherReport(PersonRef Teacher, PersonRef Student, EnrollmentSubject Subject, bool Drafted);

public sealed record MissingTeacherReports(DateOnly WeekStart, IReadOnlyList<MissingTeacherReport> Items);

/// <summary>The Monday of the current week (UTC), the week reports are written for.</summary>
public sealed record ReportWeekResponse(DateOnly WeekStart);

public sealed record TeacherReportQuery
{
    public Guid? StudentId { get; init; }

    public Guid? SubjectId { get; init; }

    /// <summary>Only reports of this week (its Monday).</summary>
    public DateOnly? WeekStart { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record TutorReportQuery
{
    public Guid? StudentId { get; init; }

    /// <summary>Only reports of this week (its Monday).</summary>
    public DateOnly? WeekStart { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record MissingReportsQuery
{
    /// <summary>The week (its Monday); the current one when left out.</summary>
    public DateOnly? WeekStart { get; init; }
}
