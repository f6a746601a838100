using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.ServiceDefaults.Telemetry;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// Works the staff chats' outbox (<see cref="TelegramPost"/>) on every api replica like the notification outbox:
/// claims due pending posts (<c>FOR UPDATE SKIP LOCKED</c>, leased for <see cref="DeliveryOptions.Lease"/>), sends each,
/// and records the outcome — sent; after a 429 retried when Telegram's <c>retry_after</c> says; another 4xx (the bot
/// is not in the chat, a wrong id) failed; network or server failures retried with the outbox's backoff up to
/// <see cref="DeliveryOptions.MaxAttempts"/>.
/// </summary>
public sealed partial class TelegramPostSender(
    IServiceScopeFactory scopes, TelegramBot bot, IOptions<DeliveryOptions> options, TimeProvider clock, ILogger<TelegramPostSender> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>A post was just committed on this replica: look now rather than at the next poll.</summary>
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
        if (!bot.Enabled)
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

    /// <summary>Claims and sends one batch; returns how many posts it claimed.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var leaseEnd = now + settings.Lease;
        List<ClaimedPost> claimed;
        using (UntracedWork.Begin("telegram-post-sender poll"))
        {
            claimed = await db.Database.SqlQuery<ClaimedPost>($"""
                UPDATE telegram_posts AS p
                SET attempts = p.attempts + 1, next_attempt_at = {leaseEnd}
                FROM (SELECT id FROM telegram_posts
                      WHERE status = 'pending' AND next_attempt_at <= {now}
                      ORDER BY next_attempt_at
                      LIMIT {settings.BatchSize}
                      FOR UPDATE SKIP LOCKED) AS due
                WHERE p.id = due.id
                RETURNING p.id, p.attempts, p.chat_id, p.text
                """).ToListAsync(ct);
        }

        foreach (var post in claimed.OrderBy(p => p.Id))
        {
            var outcome = await SendAsync(post, ct);
            await RecordAsync(db, post, outcome, ct);
        }

        return claimed.Count;
    }

    private async Task<DeliveryOutcome> SendAsync(ClaimedPost post, CancellationToken ct)
    {
        try
        {
            await bot.SendAsync(post.ChatId, post.Text, buttons: null, ct);
            return DeliveryOutcome.Sent;
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 429)
        {
            return DeliveryOutcome.Retry($"429 {ex.Message}", TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1)));
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is >= 400 and < 500)
        {
            return DeliveryOutcome.Failed($"{ex.ErrorCode} {ex.Message}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Anything else (network, timeout, Telegram's 5xx) is passing: retried with backoff.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSendFailed(ex, post.Id);
            return DeliveryOutcome.Retry(ex is ApiRequestException api ? $"{api.ErrorCode} {api.Message}" : $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task RecordAsync(TheBotDbContext db, ClaimedPost post, DeliveryOutcome outcome, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var error = outcome.Error is { Length: > 1000 } longError ? longError[..1000] : outcome.Error;
        var mine = db.TelegramPosts.Where(p => p.Id == post.Id && p.Attempts == post.Attempts && p.Status == DeliveryStatus.Pending);
        switch (outcome.Result)
        {
            case DeliveryResult.Sent:
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, DeliveryStatus.Sent).SetProperty(p => p.SentAt, now).SetProperty(p => p.LastError, (string?)null), ct);
                break;
            case DeliveryResult.Retry when post.Attempts < options.Value.MaxAttempts:
                var next = now + (outcome.RetryAfter ?? options.Value.RetryDelayAfter(post.Attempts));
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.NextAttemptAt, next).SetProperty(p => p.LastError, error), ct);
                break;
            default:
                LogGivenUp(post.Id, error);
                await mine.ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, DeliveryStatus.Failed).SetProperty(p => p.LastError, error), ct);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Telegram post sender's poll failed; it tries again at the next one")]
    private partial void LogPollFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending Telegram post {PostId} failed; it is retried")]
    private partial void LogSendFailed(Exception exception, Guid postId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave up Telegram post {PostId}: {Error}")]
    private partial void LogGivenUp(Guid postId, string? error);

    private sealed record ClaimedPost(Guid Id, int Attempts, long ChatId, string Text);
}
