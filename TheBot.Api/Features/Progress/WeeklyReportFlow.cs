using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Progress;

/// <summary>What a teacher's and a tutor's weekly report share: draft, then sent, then read by the one it is for.</summary>
public interface IWeeklyReport
{
    string Summary { get; }

    WeeklyReportStatus Status { get; set; }

    DateTimeOffset UpdatedAt { get; set; }

    DateTimeOffset? SentAt { get; set; }

    DateTimeOffset? ReadAt { get; set; }
}

/// <summary>The draft → sent → read steps of either kind of weekly report.</summary>
public static class WeeklyReportFlow
{
    /// <summary>Only a draft may be edited (or get its attachment).</summary>
    public static ProblemHttpResult? Unchangeable(IWeeklyReport report) =>
        report.Status == WeeklyReportStatus.Draft ? null : ApiProblems.Conflict("A sent report cannot be changed.");

    /// <summary>A report is sent once (409 after that).</summary>
    public static ProblemHttpResult? SentAlready(IWeeklyReport report) =>
        report.Status == WeeklyReportStatus.Draft ? null : ApiProblems.Conflict("The report has already been sent.");

    /// <summary>A report is not sent without its summary (400).</summary>
    public static ValidationProblem? WithoutSummary(IWeeklyReport report) =>
        report.Summary.Length > 0 ? null : ApiProblems.Invalid("summary", "A report needs its summary before it is sent.");

    public static void MarkSent(IWeeklyReport report, DateTimeOffset now) =>
        (report.Status, report.SentAt, report.UpdatedAt) = (WeeklyReportStatus.Sent, now, now);

    /// <summary>The reader opened a sent report: true when this made it read (the author is told).</summary>
    public static bool MarkRead(IWeeklyReport report, DateTimeOffset now)
    {
        if (report.Status != WeeklyReportStatus.Sent)
        {
            return false;
        }

        (report.Status, report.ReadAt) = (WeeklyReportStatus.Read, now);
        return true;
    }
}
