namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>weeklyReportChanged</c>: a weekly report was sent (to its readers: a teacher's report to the student's tutor, a
/// tutor's report to the child's parents) or read (to its author). <see cref="Kind"/> is teacher or tutor;
/// <see cref="Status"/> sent or read; <see cref="WeekStart"/> the Monday of the report's week (yyyy-MM-dd).
/// </summary>
public sealed record WeeklyReportChangedEvent(Guid ReportId, string Kind, Guid StudentId, Guid? SubjectId, Guid AuthorId, string WeekStart, string Status);

public static class WeeklyReportEventNames
{
    public const string WeeklyReportChanged = "weeklyReportChanged";
}
