using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.ServiceDefaults.Telemetry;

namespace TheBot.Api.Features.Applications;

/// <summary>
/// Sends the welcome e-mails of approved applications on every api replica, the way the password-reset mailer works:
/// claims due pending rows (<c>FOR UPDATE SKIP LOCKED</c>, leased for <see cref="DeliveryOptions.Lease"/>), sends each
/// through <see cref="SmtpTransport"/>, records the outcome — sent; retried after <see cref="DeliveryOptions.RetryBaseDelay"/>
/// doubled per failure; failed after <see cref="DeliveryOptions.MaxAttempts"/> or a permanent refusal. Woken at once
/// by an approval on this replica, else every <see cref="DeliveryOptions.PollInterval"/>.
/// </summary>
public sealed partial class FamilyWelcomeMailer(
    IServiceScopeFactory scopes,
    SmtpTransport smtp,
    FamilyWelcomeEmail email,
    FamilyPasswords passwords,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<FamilyWelcomeMailer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>An approval was just committed on this replica: look now rather than at the next poll.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already.
            }
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The database may be down; the next poll tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPollFailed(ex);
            }

            if (claimed < options.Value.BatchSize)
            {
                try
                {
                    await _wake.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Claims and sends one batch; returns how many e-mails it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leaseEnd = now + settings.Lease;
        List<ClaimedMail> claimed;
        using (UntracedWork.Begin("family-welcome-mailer poll"))
        {
            claimed = await db.Database.SqlQuery<ClaimedMail>($"""
                UPDATE family_welcome_mails AS m
                SET attempts = m.attempts + 1, next_attempt_at = {leaseEnd}
                FROM (SELECT id FROM family_welcome_mails
                      WHERE status = 'pending' AND next_attempt_at <= {now}
                      ORDER BY next_attempt_at
                      LIMIT {settings.BatchSize}
                      FOR UPDATE SKIP LOCKED) AS due
                WHERE m.id = due.id
                RETURNING m.id, m.attempts
                """).ToListAsync(ct);
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var ids = claimed.Select(c => c.Id).ToList();
        var rows = await (
            from m in db.FamilyWelcomeMails.AsNoTracking()
            where ids.Contains(m.Id)
            join a in db.SignupApplications on m.ApplicationId equals a.Id
            join u in db.Users on m.UserId equals u.Id
            select new
            {
                m.Id,
                m.Attempts,
                a.Language,
                a.CreatedUserId,
                Recipient = new { u.Id, u.FullName, u.Email, u.Role, u.IsActive },
                // A parent's e-mail also carries the child's details: the approval's mail to the student.
                Child = db.FamilyWelcomeMails.Where(c => c.ApplicationId == m.ApplicationId && c.UserId == a.CreatedUserId && c.UserId != m.UserId)
                    .Join(db.Users, c => c.UserId, s => s.Id, (c, s) => new { MailId = c.Id, s.FullName, s.Email, s.Role })
                    .FirstOrDefault(),
            }).ToListAsync(ct);

        foreach (var row in rows)
        {
            DeliveryOutcome outcome;
            if (!row.Recipient.IsActive || string.IsNullOrWhiteSpace(row.Recipient.Email))
            {
                outcome = DeliveryOutcome.Failed("The account was deactivated or has no e-mail address.");
            }
            else
            {
                var child = row.Child is { Email: { } childEmail } c
                    ? new FamilyAccount(c.FullName, childEmail, c.Role, passwords.For(c.MailId))
                    : null;
                var message = email.Compose(new FamilyWelcome(
                    row.Id, new FamilyAccount(row.Recipient.FullName, row.Recipient.Email, row.Recipient.Role, passwords.For(row.Id)), child, row.Language));
                outcome = await smtp.SendAsync(message, ct);
            }

            await RecordAsync(db, row.Id, row.Attempts, outcome, ct);
        }

        return claimed.Count;
    }

    private async Task RecordAsync(TheBotDbContext db, Guid id, int attempts, DeliveryOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var error = outcome.Error is { Length: > 1000 } longError ? longError[..1000] : outcome.Error;
        var mine = db.FamilyWelcomeMails.Where(m => m.Id == id && m.Attempts == attempts && m.Status == FamilyWelcomeMailStatus.Pending);
        switch (outcome.Result)
        {
            case DeliveryResult.Sent:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, FamilyWelcomeMailStatus.Sent)
                    .SetProperty(m => m.SentAt, now).SetProperty(m => m.LastError, (string?)null), ct);
                break;
            case DeliveryResult.Retry when attempts < options.Value.MaxAttempts:
                var next = now + options.Value.RetryDelayAfter(attempts);
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error), ct);
                break;
            default:
                LogGivenUp(id, error);
                await mine.ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, FamilyWelcomeMailStatus.Failed).SetProperty(m => m.LastError, error), ct);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The family welcome mailer's poll failed; it tries again at the next one")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up e-mailing the sign-in details {MailId}: {Error}")]
    private partial void LogGivenUp(Guid mailId, string? error);

    private sealed record ClaimedMail(Guid Id, int Attempts);
}
