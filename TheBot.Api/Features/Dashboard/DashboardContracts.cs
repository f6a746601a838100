using TheBot.Api.Features.Assignments;
using TheBot.Api.Features.Lessons;

namespace TheBot.Api.Features.Dashboard;

/// <summary>The caller's role summary in one request: only the section of their role is filled.</summary>
public sealed record DashboardResponse(
    string Role,
    StudentDashboard? Student = null,
    TeacherDashboard? Teacher = null,
    TutorDashboard? Tutor = null,
    ParentDashboard? Parent = null,
    AdminDashboard? Admin = null);

public sealed record StudentDashboard(IReadOnlyList<LessonResponse> NextLessons, IReadOnlyList<DueAssignment> AssignmentsDue, IReadOnlyList<SubmissionResponse> RecentGrades);

public sealed record DueAssignment(Guid Id, string Title, string Subject, AssignmentKind Kind, DateTimeOffset DueAt, decimal MaxScore);

public sealed record TeacherDashboard(IReadOnlyList<LessonResponse> TodayLessons, int SubmissionsToGradeCount, IReadOnlyList<SubmissionResponse> SubmissionsToGrade);

public sealed record TutorDashboard(IReadOnlyList<TutorStudentSummary> Students);

/// <summary>Alerts: lessons cancelled or missed in the last 30 days, published work past due that was never submitted.</summary>
public sealed record TutorStudentSummary(Guid Id, string FullName, int CancelledLessons30Days, int MissedLessons30Days, int OverdueAssignments, DateTimeOffset? NextLessonAt);

public sealed record ParentDashboard(IReadOnlyList<ChildSummary> Children);

public sealed record ChildSummary(Guid Id, string FullName, LessonResponse? NextLesson, IReadOnlyList<SubmissionResponse> RecentGrades);

public sealed record AdminDashboard(int ActiveStudents, int ActiveTeachers, int ActiveEnrollments, int LessonsToday, int LessonsCancelledToday, int SubmissionsAwaitingGrading);
