using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Realtime.Contracts;
using Microsoft.EntityFrameworkCore;

namespace TheBot.Api.Features.Lessons;

/// <summary>
/// The notifications a lesson's change stores, staged with the change (saved in its transaction): booked, moved,
/// confirmed and cancelled tell the student, their parents and the teacher — everyone but whoever made the change.
/// Completed and missed tell nobody (the lesson is over; the live event refreshes the pages).
/// </summary>
public sealed class LessonNotices(TheBotDbContext db, Notifier notifier)
{
    /// <summary>Stages the change's notifications before the change is saved; returns how many.</summary>
    public async Task<int> StageAsync(Lesson lesson, string change, Guid actorId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lesson);
        var type = change switch
        {
            "created" => NotificationTypes.LessonBooked,
            "rescheduled" => NotificationTypes.LessonMoved,
            "confirmed" => NotificationTypes.LessonConfirmed,
            "cancelled" => NotificationTypes.LessonCancelled,
            _ => null,
        };
        if (type is null)
        {
            return 0;
        }

        var about = await db.Subjects.AsNoTracking().Where(s => s.Id == lesson.SubjectId)
            .Select(s => new
            {
                Subject = s.Name,
                Teacher = db.Users.Where(u => u.Id == lesson.TeacherId).Select(u => u.FullName).First(),
                Parents = db.StudentParents.Where(sp => sp.StudentId == lesson.StudentId).Select(sp => sp.ParentId).ToList(),
            })
            .FirstAsync(ct);
        Guid[] recipients = [.. new[] { lesson.StudentId, lesson.TeacherId }.Concat(about.Parents).Where(id => id != actorId).Distinct()];
        return await notifier.StageAsync(recipients, type, r => Text(type, r, lesson, about.Subject, about.Teacher).To($"/schedule/{lesson.Id}"),
            cancellationToken: ct);
    }

    private static NotificationText Text(string type, NotificationRecipient r, Lesson lesson, string subject, string teacher)
    {
        var at = r.Time(lesson.StartsAt);
        return type switch
        {
            NotificationTypes.LessonBooked => r.Say(
                new($"Lesson booked: {subject}", $"{at} with {teacher}"),
                new($"Новое занятие: {subject}", $"{at}, преподаватель {teacher}")),
            NotificationTypes.LessonMoved => r.Say(
                new($"Lesson moved: {subject}", $"Now {at} with {teacher}"),
                new($"Занятие перенесено: {subject}", $"Новое время: {at}, преподаватель {teacher}")),
            NotificationTypes.LessonConfirmed => r.Say(
                new($"Lesson confirmed: {subject}", $"{at} with {teacher}"),
                new($"Занятие подтверждено: {subject}", $"{at}, преподаватель {teacher}")),
            _ => r.Say(
                new($"Lesson cancelled: {subject}", $"{at}. Reason: {lesson.CancelReason}"),
                new($"Занятие отменено: {subject}", $"{at}. Причина: {lesson.CancelReason}")),
        };
    }
}
