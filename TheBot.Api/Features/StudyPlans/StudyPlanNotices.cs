using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Auth;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.StudyPlans;

/// <summary>
/// The <c>studyPlan</c> notifications, staged with the change (one transaction): a sent plan tells the student and
/// their parents; an edit of a sent plan tells the student what changed.
/// </summary>
public sealed class StudyPlanNotices(TheBotDbContext db, Notifier notifier)
{
    /// <summary>A student reads their plans under "My week"; parents (and tutors) under study plans.</summary>
    public static string LinkFor(NotificationRecipient recipient) =>
        recipient?.Role == UserRole.Student ? "/my-week" : "/study-plans";

    public async Task StageSentAsync(StudyPlan plan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var about = await AboutAsync(plan, ct);
        await notifier.StageAsync([plan.StudentId, .. about.Parents], NotificationTypes.StudyPlan, r =>
        {
            var week = r.Russian ? plan.WeekStart.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)
                : plan.WeekStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return (r.Role == UserRole.Parent
                ? r.Say(new($"Study plan for {about.Student}: {about.Subject}", $"Week of {week}, from {about.Teacher}"),
                    new($"План занятий для {about.Student}: {about.Subject}", $"Неделя с {week}, от {about.Teacher}"))
                : r.Say(new($"Your study plan: {about.Subject}", $"Week of {week}, from {about.Teacher}"),
                    new($"Ваш план занятий: {about.Subject}", $"Неделя с {week}, от {about.Teacher}"))).To(LinkFor(r));
        }, cancellationToken: ct);
    }

    public async Task StageEditedAsync(StudyPlan plan, StudyPlanChanges changes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(changes);
        var about = await AboutAsync(plan, ct);
        await notifier.StageAsync([plan.StudentId], NotificationTypes.StudyPlan, r => r.Say(
            new($"Study plan changed: {about.Subject}", changes.Describe(russian: false)),
            new($"План занятий изменён: {about.Subject}", changes.Describe(russian: true))).To(LinkFor(r)),
            cancellationToken: ct);
    }

    /// <summary>After the save: pushes what was staged live.</summary>
    public Task PublishAsync(CancellationToken ct) => notifier.PublishStagedAsync(ct);

    private async Task<About> AboutAsync(StudyPlan plan, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == plan.StudentId)
            .Select(u => new About(
                u.FullName,
                db.Users.Where(t => t.Id == plan.TeacherId).Select(t => t.FullName).First(),
                db.Subjects.Where(s => s.Id == plan.SubjectId).Select(s => s.Name).First(),
                db.StudentParents.Where(sp => sp.StudentId == u.Id).Select(sp => sp.ParentId).ToList()))
            .FirstAsync(ct);

    private sealed record About(string Student, string Teacher, string Subject, List<Guid> Parents);
}
