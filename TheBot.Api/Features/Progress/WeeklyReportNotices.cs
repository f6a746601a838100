using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Progress;

/// <summary>
/// The notifications a sent weekly report stores for its readers, staged with the sending (one transaction):
/// a teacher's report tells the student's tutor (<c>teacherReport</c>), a tutor's report the child's parents (<c>reportSent</c>).
/// </summary>
public sealed class WeeklyReportNotices(TheBotDbContext db, Notifier notifier)
{
    public const string Link = "/weekly-reports";

    /// <summary>Stages the tutor's notification (not yet saved); returns who is told.</summary>
    public async Task<Guid[]> StageTeacherReportSentAsync(TeacherReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var about = await db.Users.Where(u => u.Id == report.StudentId)
            .Select(u => new
            {
                Student = u.FullName,
                Teacher = db.Users.Where(t => t.Id == report.TeacherId).Select(t => t.FullName).First(),
                Subject = db.Subjects.Where(s => s.Id == report.SubjectId).Select(s => s.Name).First(),
                Tutor = db.StudentProfiles.Where(p => p.UserId == u.Id).Select(p => p.TutorId).FirstOrDefault(),
            })
            .FirstAsync(ct);
        if (about.Tutor is not { } tutor)
        {
            return [];
        }

        await notifier.StageAsync([tutor], NotificationTypes.TeacherReport, r => r.Say(
            new($"Weekly report on {about.Student}: {about.Subject}", $"Week of {Week(report.WeekStart, false)}, from {about.Teacher}"),
            new($"Недельный отчёт: {about.Student}, {about.Subject}", $"Неделя с {Week(report.WeekStart, true)}, от {about.Teacher}")).To(Link),
            cancellationToken: ct);
        return [tutor];
    }

    /// <summary>Stages the parents' notifications (not yet saved); returns who is told.</summary>
    public async Task<Guid[]> StageTutorReportSentAsync(TutorReport report, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(report);
        var about = await db.Users.Where(u => u.Id == report.StudentId)
            .Select(u => new
            {
                Student = u.FullName,
                Tutor = db.Users.Where(t => t.Id == report.AuthorId).Select(t => t.FullName).First(),
                Parents = db.StudentParents.Where(sp => sp.StudentId == u.Id).Select(sp => sp.ParentId).ToList(),
            })
            .FirstAsync(ct);
        await notifier.StageAsync(about.Parents, NotificationTypes.ReportSent, r => r.Say(
            new($"Weekly report on {about.Student}", $"Week of {Week(report.WeekStart, false)}, from {about.Tutor}"),
            new($"Недельный отчёт: {about.Student}", $"Неделя с {Week(report.WeekStart, true)}, от {about.Tutor}")).To(Link),
            cancellationToken: ct);
        return [.. about.Parents];
    }

    /// <summary>After the save: pushes what was staged live.</summary>
    public Task PublishAsync(CancellationToken ct) => notifier.PublishStagedAsync(ct);

    public static string Week(DateOnly weekStart, bool russian) =>
        weekStart.ToString(russian ? "dd.MM.yyyy" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
