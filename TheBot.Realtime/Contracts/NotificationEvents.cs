namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>notification</c>: to the user's group when a notification was stored for them (not during their
/// quiet hours unless it is urgent). <see cref="Priority"/> is low, normal, high or urgent.
/// </summary>
public sealed record NotificationEvent(
    Guid Id,
    string Type,
    string Priority,
    string Title,
    string? Body,
    string? Link,
    DateTimeOffset CreatedAt);

/// <summary><c>notificationsRead</c>: to the user's group after read-all, so other devices clear their badges.</summary>
public sealed record NotificationsReadEvent(Guid? NotificationId, DateTimeOffset ReadAt);

public static class NotificationEventNames
{
    public const string Notification = "notification";
    public const string NotificationsRead = "notificationsRead";
}

/// <summary>
/// Notification types other features use; each is a setting of its own (switched off in <c>disabledTypes</c>).
/// Lesson changes, homework, grades and reports go to the student and their parents (not to whoever made the change).
/// </summary>
public static class NotificationTypes
{
    public const string ChatMessage = "chatMessage";
    public const string Broadcast = "broadcast";
    public const string LessonReminder = "lessonReminder";
    public const string LessonBooked = "lessonBooked";
    public const string LessonMoved = "lessonMoved";
    public const string LessonConfirmed = "lessonConfirmed";
    public const string LessonCancelled = "lessonCancelled";
    public const string Material = "material";

    /// <summary>New homework: an assignment published to the student.</summary>
    public const string Assignment = "assignment";
    public const string Grade = "grade";

    /// <summary>A tutor's weekly report sent to the child's parents.</summary>
    public const string ReportSent = "reportSent";

    /// <summary>A teacher's weekly report sent to the student's tutor.</summary>
    public const string TeacherReport = "teacherReport";

    /// <summary>A teacher or tutor is late with the week's reports (the weekly-report-reminders job).</summary>
    public const string ReportReminder = "reportReminder";
    public const string ApplicationDecided = "applicationDecided";

    /// <summary>A new sign-up application, to every active admin.</summary>
    public const string ApplicationSubmitted = "applicationSubmitted";
    public const string Invoice = "invoice";
    public const string ParentInvitation = "parentInvitation";

    /// <summary>A study plan was sent to the student (and their parents), or a sent one was changed (the student).</summary>
    public const string StudyPlan = "studyPlan";

    /// <summary>A student asked a question under a material, or followed one up (to the material's teacher).</summary>
    public const string MaterialQuestion = "materialQuestion";

    /// <summary>The teacher replied to a student's question under a material (to the asker).</summary>
    public const string MaterialAnswer = "materialAnswer";

    /// <summary>A student passed a lesson of their knowledge graph (to the graph's teacher and the student's tutor).</summary>
    public const string KnowledgeLessonPassed = "knowledgeLessonPassed";
}
