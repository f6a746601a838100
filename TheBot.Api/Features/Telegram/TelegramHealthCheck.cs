using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace TheBot.Api.Features.Telegram;

/// <summary>
/// <c>telegram</c> on the system health page: whether the bot's token works (<c>getMe</c>). Healthy when Telegram
/// knows the bot, or when no token is configured ("not configured": deployments without Telegram stay ready);
/// Degraded with the reason when the token is refused or Telegram cannot be reached — notifications wait in the
/// outbox, the rest of the app works, so readiness is not failed. The answer is kept for <see cref="CacheFor"/> so
/// that probes do not hammer Telegram.
/// </summary>
public sealed class TelegramHealthCheck(TelegramBot bot, TimeProvider clock) : IHealthCheck, IDisposable
{
    public const string Name = "telegram";

    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset Until)? _cached;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!bot.Enabled)
        {
            return HealthCheckResult.Healthy("Telegram is not configured (Telegram:BotToken).");
        }

        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return again;
            }

            var result = await AskAsync(cancellationToken);
            _cached = (result, clock.GetUtcNow() + CacheFor);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private HealthCheckResult? Fresh() => _cached is { } cached && cached.Until > clock.GetUtcNow() ? cached.Result : null;

    private async Task<HealthCheckResult> AskAsync(CancellationToken cancellationToken)
    {
        try
        {
            var me = await bot.Client().GetMe(cancellationToken);
            return HealthCheckResult.Healthy($"The bot @{me.Username} answers.");
        }
        catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
        {
            return HealthCheckResult.Degraded($"Telegram refused the bot token ({ex.ErrorCode} {ex.Message}): check Telegram:BotToken.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any other failure is the answer: Telegram could not say the token works.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Degraded($"Telegram could not be asked about the bot: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
