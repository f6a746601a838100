using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Applications;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Payments;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Telegram;

/// <summary>A new sign-up application in the admins' group (and the log channel when it carries applications), staged with it.</summary>
public sealed class TelegramApplicationAnnouncer(TelegramPosts posts) : IApplicationObserver
{
    public Task SubmittedAsync(SignupApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var ru = posts.Russian;
        var role = application.DesiredRole.ToName();
        var lines = new List<string>
        {
            ru ? $"Новая заявка: {application.FullName} ({role})" : $"New application: {application.FullName} ({role})",
            $"{application.Email}{(application.Phone is null ? "" : ", " + application.Phone)}",
        };
        if (application.ParentFullName is not null)
        {
            lines.Add(ru ? $"Родитель: {application.ParentFullName}, {application.ParentEmail}" : $"Parent: {application.ParentFullName}, {application.ParentEmail}");
        }

        if (application.Message is not null)
        {
            lines.Add("");
            lines.Add(application.Message);
        }

        lines.Add("");
        lines.Add(ru ? "Рассмотреть: раздел «Заявки» в TheBot" : "Review it under Applications in TheBot");
        var text = string.Join('\n', lines);
        posts.StageForAdmins(TelegramLogEvents.Application, text);
        posts.StageForLog(TelegramLogEvents.Application, text);
        return Task.CompletedTask;
    }

    public void Committed() => posts.Wake();
}

/// <summary>A succeeded payment in the log channel — amount, invoice, who paid — staged in the payment's transaction.</summary>
public sealed class TelegramPaymentLog(TelegramPosts posts, TheBotDbContext db) : IPaymentObserver
{
    public async Task SucceededAsync(Payment payment, Invoice invoice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);
        ArgumentNullException.ThrowIfNull(invoice);
        var people = await db.Users.AsNoTracking().Where(u => u.Id == invoice.ParentId || u.Id == invoice.TutorId || u.Id == invoice.StudentId)
            .Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        string Name(Guid id) => people.TryGetValue(id, out var name) ? name : "?";
        var amount = string.Create(CultureInfo.InvariantCulture, $"{payment.Amount:0.00} {payment.Currency}");
        var text = posts.Russian
            ? $"Оплата: {amount}\nСчёт {invoice.DisplayNumber} «{invoice.Description}»\nПлатил(а): {Name(invoice.ParentId)} (ученик {Name(invoice.StudentId)}, куратор {Name(invoice.TutorId)})\nЧерез {payment.Provider}"
            : $"Payment: {amount}\nInvoice {invoice.DisplayNumber} “{invoice.Description}”\nPaid by {Name(invoice.ParentId)} (student {Name(invoice.StudentId)}, tutor {Name(invoice.TutorId)})\nThrough {payment.Provider}";
        posts.StageForLog(TelegramLogEvents.Payment, text);
    }

    public void Committed() => posts.Wake();
}

/// <summary>A failed job run in the log channel (it has no transaction to join: written on its own).</summary>
public sealed class TelegramJobFailureLog(IServiceScopeFactory scopes) : IJobFailureObserver
{
    public async Task FailedAsync(JobFailure failure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        await using var scope = scopes.CreateAsyncScope();
        var posts = scope.ServiceProvider.GetRequiredService<TelegramPosts>();
        var text = posts.Russian
            ? $"Задача {failure.JobName} не выполнена ({failure.OccurrenceKey}, попытка {failure.Attempt}):\n{failure.Error}"
            : $"Job {failure.JobName} failed ({failure.OccurrenceKey}, attempt {failure.Attempt}):\n{failure.Error}";
        if (posts.StageForLog(TelegramLogEvents.JobFailed, text))
        {
            await scope.ServiceProvider.GetRequiredService<TheBotDbContext>().SaveChangesAsync(cancellationToken);
            posts.Wake();
        }
    }
}
