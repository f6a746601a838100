using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Platform.Realtime;
using TheBot.Api.Platform.Validation;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Materials;

/// <summary>
/// What questions under a material tell people: a question or a student's follow-up stores a <c>materialQuestion</c>
/// notification for the material's teacher; the teacher's reply a <c>materialAnswer</c> one for the asker (staged with
/// the change, pushed after the save). Every change is also the live <c>materialQuestionChanged</c> event.
/// </summary>
public sealed class MaterialQuestionNotices(TheBotDbContext db, Notifier notifier, IRealtimePublisher realtime)
{
    public static string LinkFor(Guid materialId) => $"/materials?material={materialId}";

    /// <summary>A student asked (or followed up, <paramref name="followUp"/>): the teacher hears of it.</summary>
    public async Task StageAskedAsync(Material material, string askerName, string text, bool followUp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(material);
        var excerpt = Excerpt(text);
        await notifier.StageAsync([material.TeacherId], NotificationTypes.MaterialQuestion, r => (followUp
            ? r.Say(new($"{askerName} followed up on {material.Title}", excerpt), new($"{askerName}: уточнение к «{material.Title}»", excerpt))
            : r.Say(new($"{askerName} asked about {material.Title}", excerpt), new($"{askerName}: вопрос к «{material.Title}»", excerpt)))
            .To(LinkFor(material.Id)), cancellationToken: ct);
    }

    /// <summary>The teacher replied: the asker hears of it.</summary>
    public async Task StageAnsweredAsync(Material material, MaterialQuestion question, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(question);
        var excerpt = Excerpt(text);
        await notifier.StageAsync([question.AuthorId], NotificationTypes.MaterialAnswer, r => r.Say(
            new($"Your question on {material.Title} was answered", excerpt),
            new($"Ответ на ваш вопрос к «{material.Title}»", excerpt)).To(LinkFor(material.Id)), cancellationToken: ct);
    }

    /// <summary>After the save: pushes the stored notifications and the live event.</summary>
    public async Task PublishAsync(Material material, MaterialQuestion question, string change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(material);
        ArgumentNullException.ThrowIfNull(question);
        await notifier.PublishStagedAsync(ct);
        var students = question.Status == MaterialQuestionStatus.Published
            ? await StudentsOf(material).ToListAsync(ct)
            : [];
        Guid[] audience = [material.TeacherId, question.AuthorId, .. students];
        await realtime.PublishAsync(MaterialEventNames.MaterialQuestionChanged, RealtimeAudience.ToUsers([.. audience.Distinct()]),
            new MaterialQuestionChangedEvent(question.Id, material.Id, material.TeacherId, question.AuthorId, change, WireName.Of(question.Status)), ct);
    }

    /// <summary>The students a material is for now: active enrollments with its teacher in its subject (all, or the recipients).</summary>
    private IQueryable<Guid> StudentsOf(Material m) =>
        db.Enrollments.Where(e => e.TeacherId == m.TeacherId && e.SubjectId == m.SubjectId && e.Status == EnrollmentStatus.Active
                && (m.ForAllStudents || db.MaterialRecipients.Any(r => r.MaterialId == m.Id && r.StudentId == e.StudentId)))
            .Select(e => e.StudentId).Distinct();

    private static string Excerpt(string text) => text.Length <= 140 ? text : string.Concat(text.AsSpan(0, 139), "…");
}
