using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.ServiceDefaults.Telemetry;

namespace TheBot.Api.Features.Auth;

/// <summary>
/// Sends the reset e-mails on every api replica, the way <see cref="DeliverySender"/> works the notification outbox:
/// it claims due pending requests (<c>FOR UPDATE SKIP LOCKED</c>, leased for <see cref="DeliveryOptions.Lease"/>),
/// sends each through <see cref="SmtpTransport"/> and records the outcome — sent; retried after
/// <see cref="DeliveryOptions.RetryBaseDelay"/> doubled per failure while the link still works; failed after
/// <see cref="DeliveryOptions.MaxAttempts"/> or a permanent refusal. A link that expired or was used before its
/// e-mail could go is not sent. It polls every <see cref="DeliveryOptions.PollInterval"/> and at once when woken.
/// </summary>
public sealed partial class PasswordResetMailer(
    IServiceScopeFactory scopes,
    SmtpTransport smtp,
    PasswordResetEmail email,
    IOptions<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<PasswordResetMailer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>A request was just stored on this replica: look now rather than at the next poll.</summary>
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

    /// <summary>Claims and sends one batch; returns how many requests it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leaseEnd = now + settings.Lease;
        List<ClaimedMail> claimed;
        using (UntracedWork.Begin("password-reset-mailer poll"))
        {
            claimed = await db.Database.SqlQuery<ClaimedMail>($"""
                UPDATE password_reset_requests AS r
                SET mail_attempts = r.mail_attempts + 1, mail_next_attempt_at = {leaseEnd}
                FROM (SELECT id FROM password_reset_requests
                      WHERE mail_status = 'pending' AND mail_next_attempt_at <= {now}
                      ORDER BY mail_next_attempt_at
                      LIMIT {settings.BatchSize}
                      FOR UPDATE SKIP LOCKED) AS due
                WHERE r.id = due.id
                RETURNING r.id, r.mail_attempts AS attempts
                """).ToListAsync(ct);
        }

        if (claimed.Count == 0)
        {
            return 0;
        }

        var ids = claimed.Select(c => c.Id).ToList();
        var rows = await (
            from r in db.PasswordResetRequests.AsNoTracking()
            where ids.Contains(r.Id)
            join u in db.Users on r.UserId equals u.Id
            select new { r.Id, r.MailAttempts, r.CreatedAt, r.ExpiresAt, r.UsedAt, u.Email, u.FullName, u.Language, u.IsActive })
            .ToListAsync(ct);

        foreach (var row in rows)
        {
            DeliveryOutcome outcome;
            if (row.UsedAt is not null || row.ExpiresAt <= clock.GetUtcNow() || !row.IsActive || string.IsNullOrWhiteSpace(row.Email))
            {
                outcome = DeliveryOutcome.Suppressed("The link expired or was used before its e-mail could go.");
            }
            else
            {
                var message = email.Compose(new PasswordResetMail(row.Id, row.Email, row.FullName, row.Language, row.ExpiresAt - row.CreatedAt));
                outcome = await smtp.SendAsync(message, ct);
            }

            await RecordAsync(db, row.Id, row.MailAttempts, outcome, ct);
        }

        return claimed.Count;
    }

    private async Task RecordAsync(TheBotDbContext db, Guid id, int attempts, DeliveryOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var error = outcome.Error is { Length: > 1000 } longError ? longError[..1000] : outcome.Error;
        var mine = db.PasswordResetRequests.Where(r => r.Id == id && r.MailAttempts == attempts && r.MailStatus == PasswordResetMailStatus.Pending);
        switch (outcome.Result)
        {
            case DeliveryResult.Sent:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.MailStatus, PasswordResetMailStatus.Sent)
                    .SetProperty(r => r.MailSentAt, now).SetProperty(r => r.MailLastError, (string?)null), ct);
                break;
            case DeliveryResult.Retry when attempts < options.Value.MaxAttempts:
                var next = now + options.Value.RetryDelayAfter(attempts);
                await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.MailNextAttemptAt, next).SetProperty(r => r.MailLastError, error), ct);
                break;
            case DeliveryResult.Suppressed:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.MailStatus, PasswordResetMailStatus.Expired).SetProperty(r => r.MailLastError, error), ct);
                break;
            default:
                LogGivenUp(id, error);
                await mine.ExecuteUpdateAsync(s => s.SetProperty(r => r.MailStatus, PasswordResetMailStatus.Failed).SetProperty(r => r.MailLastError, error), ct);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The password-reset mailer's poll failed; it tries again at the next one")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up e-mailing password reset link {RequestId}: {Error}")]
    private partial void LogGivenUp(Guid requestId, string? error);

    private sealed record ClaimedMail(Guid Id, int Attempts);
}
