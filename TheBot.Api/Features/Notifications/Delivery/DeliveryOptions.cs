using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace TheBot.Api.Features.Notifications.Delivery;

/// <summary>The <c>Deliveries</c> section: how the outbox is worked and where e-mailed links lead.</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string SectionName = "Deliveries";

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>The public address of the site: e-mailed links (the notification's page, unsubscribe) start with it.</summary>
    public Uri? AppBaseUrl { get; set; }

    /// <summary>Whether <see cref="AppBaseUrl"/> is given (a deployment passes an empty value when the operator left it out).</summary>
    public bool HasAppBaseUrl => AppBaseUrl is { OriginalString.Length: > 0 };

    /// <summary>How often each replica looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The wait after the first failed attempt; each further failure doubles it (at most an hour).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a delivery is given up (failed).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long a room's "new messages" notification waits before it is e-mailed: read in the app by then (the person was
    /// online after all), no e-mail goes. Web Push does not wait.
    /// </summary>
    public TimeSpan ChatEmailDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Deliveries claimed per poll by one replica.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed delivery is kept from other replicas while it is sent; a replica that dies leaves it due again after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after the <paramref name="failures"/>-th failure: <see cref="RetryBaseDelay"/>, doubled per further failure, at most an hour.</summary>
    public TimeSpan RetryDelayAfter(int failures)
    {
        var delay = RetryBaseDelay * Math.Pow(2, Math.Min(failures - 1, 20));
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasAppBaseUrl && AppBaseUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult("Deliveries:AppBaseUrl must be an absolute http(s) address.", [nameof(AppBaseUrl)]);
        }

        if (PollInterval <= TimeSpan.Zero || RetryBaseDelay <= TimeSpan.Zero || Lease <= TimeSpan.FromSeconds(10))
        {
            yield return new ValidationResult("Deliveries:PollInterval and RetryBaseDelay must be positive, Lease over 10 seconds.", [nameof(PollInterval)]);
        }

        if (ChatEmailDelay < TimeSpan.Zero || ChatEmailDelay > TimeSpan.FromDays(1))
        {
            yield return new ValidationResult("Deliveries:ChatEmailDelay must be between 0 and a day.", [nameof(ChatEmailDelay)]);
        }
    }
}

/// <summary>TLS on the SMTP connection.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it (port 587), TLS from the start on port 465.</summary>
    Auto,

    /// <summary>Plain text only (a local catcher).</summary>
    None,

    /// <summary>STARTTLS required.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

/// <summary>
/// The <c>Smtp</c> section: the server e-mail goes through. Without <see cref="Host"/> the e-mail channel is off
/// (no outbox rows for it). Checked at startup.
/// </summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, e.g. <c>noreply@example.org</c>.</summary>
    public string? From { get; set; }

    public string FromName { get; set; } = "TheBot";

    /// <summary>Per connection and command.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(From) || !MailboxAddress.TryParse(From, out _) || !From.Contains('@', StringComparison.Ordinal))
        {
            yield return new ValidationResult("Smtp:From must be the sender's e-mail address when Smtp:Host is set.", [nameof(From)]);
        }

        if (string.IsNullOrEmpty(UserName) != string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult("Give both Smtp:UserName and Smtp:Password, or neither.", [nameof(UserName)]);
        }

        if (Timeout <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Smtp:Timeout must be positive.", [nameof(Timeout)]);
        }
    }
}
