using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Auth;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Applications;

/// <summary>
/// A decided application stores notifications, staged with the decision (one transaction): the other admins learn who
/// decided what; an approved applicant finds a welcome in their new account's bell. A rejected applicant has no
/// account: they read the decision on their status page.
/// </summary>
public sealed class ApplicationNotices(TheBotDbContext db, Notifier notifier)
{
    /// <summary>Stages the decision's notifications (not yet saved); <paramref name="newUserId"/> is the approved applicant's account.</summary>
    public async Task<int> StageDecidedAsync(SignupApplication application, Guid deciderId, Guid? newUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var approved = application.Status == ApplicationStatus.Approved;
        var decider = await db.Users.Where(u => u.Id == deciderId).Select(u => u.FullName).FirstAsync(ct);
        var admins = await db.Users.Where(u => u.Role == UserRole.Admin && u.IsActive && u.Id != deciderId).Select(u => u.Id).ToListAsync(ct);
        var name = application.FullName;
        var note = string.IsNullOrWhiteSpace(application.DecisionNote) ? null : application.DecisionNote.Trim();
        var staged = await notifier.StageAsync(admins, NotificationTypes.ApplicationDecided, r => (approved
            ? r.Say(new($"Application approved: {name}", $"{decider} approved it{(note is null ? "" : $": {note}")}"),
                new($"Заявка одобрена: {name}", $"Одобрил(а) {decider}{(note is null ? "" : $": {note}")}"))
            : r.Say(new($"Application rejected: {name}", $"{decider} rejected it{(note is null ? "" : $": {note}")}"),
                new($"Заявка отклонена: {name}", $"Отклонил(а) {decider}{(note is null ? "" : $": {note}")}"))).To("/admin/applications"),
            cancellationToken: ct);
        if (newUserId is { } applicant)
        {
            staged += await notifier.StageAsync([applicant], NotificationTypes.ApplicationDecided, r => r.Say(
                new("Welcome! Your application was approved", note),
                new("Добро пожаловать! Ваша заявка одобрена", note)).To("/dashboard"), cancellationToken: ct);
        }

        return staged;
    }

    /// <summary>Stages the new application's notification to every active admin (not yet saved).</summary>
    public async Task<int> StageSubmittedAsync(SignupApplication application, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(application);
        var admins = await db.Users.Where(u => u.Role == UserRole.Admin && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        var name = application.FullName;
        var role = application.DesiredRole.ToName();
        var parent = application.ParentFullName;
        return await notifier.StageAsync(admins, NotificationTypes.ApplicationSubmitted, r => r.Say(
                new($"New application: {name}", $"Wants to join as {role}{(parent is null ? "" : $", with parent {parent}")}. {application.Email}"),
                new($"Новая заявка: {name}", $"Роль: {role}{(parent is null ? "" : $", родитель: {parent}")}. {application.Email}")).To("/admin/applications"),
            NotificationPriority.High, ct);
    }

    /// <summary>After the commit: pushes what was staged live.</summary>
    public Task PublishAsync(CancellationToken ct) => notifier.PublishStagedAsync(ct);
}
