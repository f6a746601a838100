using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TheBot.Api.Features.Notifications.Delivery;

/// <summary>
/// One message through the SMTP server of <see cref="SmtpOptions"/> (MailKit), its outcome as data: a 5xx refusal of
/// the recipient is <see cref="DeliveryResult.AddressRefused"/>, another 5xx <see cref="DeliveryResult.Failed"/>, and
/// anything else (server down, 4xx, TLS, timeout, authentication) <see cref="DeliveryResult.Retry"/>. Shared by the
/// notification e-mails and the password-reset e-mails.
/// </summary>
public sealed partial class SmtpTransport(IOptions<SmtpOptions> smtp, ILogger<SmtpTransport> logger)
{
    public bool Enabled => smtp.Value.Enabled;

    /// <summary>The configured sender.</summary>
    public MailboxAddress Sender => new(smtp.Value.FromName, smtp.Value.From ?? "noreply@localhost");

    public async Task<DeliveryOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var options = smtp.Value;
        using var client = new SmtpClient();
        client.Timeout = (int)options.Timeout.TotalMilliseconds;
        try
        {
            await client.ConnectAsync(options.Host!, options.Port, Security(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryOutcome.Sent;
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            var error = $"{(int)ex.StatusCode} {ex.Message}";
            return ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted ? DeliveryOutcome.AddressRefused(error) : DeliveryOutcome.Failed(error);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any other failure (server down, 4xx, TLS, timeout, authentication) is passing: retried with backoff.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSendFailed(ex, message.MessageId);
            return DeliveryOutcome.Retry(ex is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message}" : $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending e-mail {MessageId} failed; it is retried")]
    private partial void LogSendFailed(Exception exception, string? messageId);
}
