namespace TheBot.Api.Features.Telegram;

/// <summary>The system events the admin log channel can carry (<see cref="TelegramOptions.LogEvents"/>).</summary>
public static class TelegramLogEvents
{
    /// <summary>A payment succeeded: amount, invoice, who paid.</summary>
    public const string Payment = "payment";

    /// <summary>A sign-up application was submitted.</summary>
    public const string Application = "application";

    /// <summary>A scheduled job's run failed.</summary>
    public const string JobFailed = "job-failed";

    public static readonly IReadOnlyList<string> All = [Payment, Application, JobFailed];
}
