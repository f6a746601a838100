using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Applications;

/// <summary>One account's sign-in details: who, the address to sign in with, the initial password.</summary>
public sealed record FamilyAccount(string FullName, string Email, UserRole Role, string Password);

/// <summary>What a welcome e-mail carries: the recipient's own account and, for a parent, the child's.</summary>
public sealed record FamilyWelcome(Guid MailId, FamilyAccount Recipient, FamilyAccount? Child, string Language);

/// <summary>
/// The welcome e-mail after an approval, plain text and HTML in the family's language: the sign-in page
/// (<c>{Deliveries:AppBaseUrl}/sign-in</c>), the e-mail and initial password of the recipient's account — and a
/// parent's also those of the child's — and the advice to change the password after signing in.
/// </summary>
public sealed class FamilyWelcomeEmail(SmtpTransport smtp, IOptions<DeliveryOptions> deliveries)
{
    public MimeMessage Compose(FamilyWelcome mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var russian = mail.Language == "ru";
        var baseUrl = (deliveries.Value.AppBaseUrl?.ToString() ?? "http://localhost/").TrimEnd('/');
        var signIn = $"{baseUrl}/sign-in";
        var subject = russian ? "Ваша заявка в TheBot одобрена: данные для входа" : "Your TheBot application was approved: how to sign in";
        var greeting = russian ? $"Здравствуйте, {mail.Recipient.FullName}!" : $"Hello {mail.Recipient.FullName},";
        var approved = russian
            ? "Ваша заявка одобрена, учётные записи созданы. Вот данные для входа:"
            : "Your application was approved and the accounts are ready. Here is how to sign in:";
        var action = russian ? "Войти в TheBot" : "Sign in to TheBot";
        var change = russian
            ? "Пароли одноразовые: смените их в профиле после первого входа. Никому не пересылайте это письмо."
            : "These passwords are for the first sign-in: change them in your profile afterwards. Do not forward this e-mail.";
        var accounts = mail.Child is null ? new[] { mail.Recipient } : [mail.Recipient, mail.Child];

        var text = new StringBuilder().AppendLine(greeting).AppendLine().AppendLine(approved).AppendLine();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(russian ? "ru" : "en").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title></head><body style=\"font-family:sans-serif\">")
            .Append("<p>").Append(WebUtility.HtmlEncode(greeting)).Append("</p>")
            .Append("<p>").Append(WebUtility.HtmlEncode(approved)).Append("</p>");
        foreach (var account in accounts)
        {
            var (heading, emailLabel, passwordLabel) = Labels(account, account == mail.Recipient, russian);
            text.AppendLine(heading)
                .Append("  ").Append(emailLabel).Append(": ").AppendLine(account.Email)
                .Append("  ").Append(passwordLabel).Append(": ").AppendLine(account.Password).AppendLine();
            html.Append("<h2 style=\"font-size:1.1em\">").Append(WebUtility.HtmlEncode(heading)).Append("</h2><dl>")
                .Append("<dt>").Append(WebUtility.HtmlEncode(emailLabel)).Append("</dt><dd>").Append(WebUtility.HtmlEncode(account.Email)).Append("</dd>")
                .Append("<dt>").Append(WebUtility.HtmlEncode(passwordLabel)).Append("</dt><dd><code>").Append(WebUtility.HtmlEncode(account.Password))
                .Append("</code></dd></dl>");
        }

        text.Append(action).Append(": ").AppendLine(signIn).AppendLine().AppendLine(change);
        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(signIn)).Append("\">").Append(WebUtility.HtmlEncode(action)).Append("</a></p>")
            .Append("<p style=\"color:#666\">").Append(WebUtility.HtmlEncode(change)).Append("</p></body></html>");

        var message = new MimeMessage
        {
            Subject = subject,
            MessageId = $"{mail.MailId:N}@thebot.family-welcome",
            Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody(),
        };
        message.From.Add(smtp.Sender);
        message.To.Add(new MailboxAddress(mail.Recipient.FullName, mail.Recipient.Email));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    private static (string Heading, string Email, string Password) Labels(FamilyAccount account, bool yours, bool russian)
    {
        var role = (account.Role, russian) switch
        {
            (UserRole.Student, true) => "ученик",
            (UserRole.Parent, true) => "родитель",
            (UserRole.Teacher, true) => "преподаватель",
            (UserRole.Tutor, true) => "куратор",
            (_, true) => "пользователь",
            _ => account.Role.ToName(),
        };
        var heading = (yours, russian) switch
        {
            (true, true) => $"Ваша учётная запись ({role})",
            (true, false) => $"Your account ({role})",
            (false, true) => $"Учётная запись ребёнка: {account.FullName} ({role})",
            (false, false) => $"Your child's account: {account.FullName} ({role})",
        };
        return russian ? (heading, "Эл. почта для входа", "Пароль") : (heading, "Sign-in e-mail", "Password");
    }
}
