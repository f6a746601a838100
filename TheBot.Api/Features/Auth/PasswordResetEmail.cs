using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using TheBot.Api.Features.Notifications.Delivery;

namespace TheBot.Api.Features.Auth;

/// <summary>What a reset e-mail needs: the request (its token is derived again), the recipient, how long the link works.</summary>
public sealed record PasswordResetMail(Guid RequestId, string Email, string FullName, string Language, TimeSpan LinkLifetime);

/// <summary>
/// The reset e-mail, plain text and HTML in the recipient's language: the link
/// <c>{Deliveries:AppBaseUrl}/reset-password?token=…</c>, how long it works, and what to do if it was not them.
/// </summary>
public sealed class PasswordResetEmail(PasswordResetTokens tokens, SmtpTransport smtp, IOptions<DeliveryOptions> deliveries)
{
    public MimeMessage Compose(PasswordResetMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var russian = mail.Language == "ru";
        var baseUrl = (deliveries.Value.AppBaseUrl?.ToString() ?? "http://localhost/").TrimEnd('/');
        var link = $"{baseUrl}/reset-password?token={Uri.EscapeDataString(tokens.Create(mail.RequestId))}";
        var minutes = ((int)Math.Round(mail.LinkLifetime.TotalMinutes)).ToString(CultureInfo.InvariantCulture);

        var subject = russian ? "Сброс пароля TheBot" : "Reset your TheBot password";
        var greeting = russian ? $"Здравствуйте, {mail.FullName}!" : $"Hello {mail.FullName},";
        var asked = russian
            ? $"Кто-то (надеемся, вы) попросил сбросить пароль учётной записи TheBot {mail.Email}."
            : $"Someone (we hope it was you) asked to reset the password of the TheBot account {mail.Email}.";
        var action = russian ? "Задать новый пароль" : "Choose a new password";
        var rules = russian
            ? $"Ссылка действует {minutes} мин. и только один раз; после смены пароля все устройства выйдут из учётной записи."
            : $"The link works for {minutes} minutes, once; after the change every device is signed out.";
        var notYou = russian
            ? "Если это были не вы, просто не обращайте внимания на письмо: пароль останется прежним."
            : "If it was not you, ignore this e-mail: your password stays as it is.";

        var text = new StringBuilder()
            .AppendLine(greeting).AppendLine()
            .AppendLine(asked).AppendLine()
            .Append(action).Append(": ").AppendLine(link).AppendLine()
            .AppendLine(rules).AppendLine(notYou);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(russian ? "ru" : "en").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body style=\"font-family:sans-serif\">")
            .Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>")
            .Append("<p>").Append(WebUtility.HtmlEncode(asked)).Append("</p>")
            .Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">").Append(WebUtility.HtmlEncode(action)).Append("</a></p>")
            .Append("<p>").Append(WebUtility.HtmlEncode(rules)).Append("</p>")
            .Append("<p style=\"color:#666\">").Append(WebUtility.HtmlEncode(notYou)).Append("</p></body></html>");

        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = $"{mail.RequestId:N}@thebot.password-reset",
            Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody(),
        };
        message.From.Add(smtp.Sender);
        message.To.Add(new MailboxAddress(mail.FullName, mail.Email));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}
