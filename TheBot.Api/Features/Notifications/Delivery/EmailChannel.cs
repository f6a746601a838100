using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using TheBot.Api.Platform.Auth;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Notifications.Delivery;

/// <summary>
/// E-mail through the SMTP server of <see cref="SmtpOptions"/> (MailKit): a plain-text and an HTML body in the
/// recipient's language, a link to the thing in the app, a one-click unsubscribe link for the type (also as
/// <c>List-Unsubscribe</c>), sent by <see cref="SmtpTransport"/>. A 5xx refusal of the recipient stops e-mail to that address;
/// other failures are retried.
/// Chat messages are not e-mailed (the coalesced chat notification writes no outbox rows).
/// </summary>
public sealed class EmailChannel(
    IOptions<SmtpOptions> smtp, IOptions<DeliveryOptions> deliveries, UnsubscribeTokens tokens, SmtpTransport transport) : INotificationChannel
{
    public const string ChannelName = "email";

    /// <summary>
    /// Every type an e-mail can be had for. Chat messages come as one coalesced "new messages" e-mail per room, only if
    /// it is still unread <see cref="DeliveryOptions.ChatEmailDelay"/> after the first message.
    /// </summary>
    public static readonly IReadOnlyList<string> SupportedTypes =
    [
        NotificationTypes.ChatMessage,
        NotificationTypes.Invoice, NotificationTypes.Grade, NotificationTypes.Assignment, NotificationTypes.ReportSent,
        NotificationTypes.LessonBooked, NotificationTypes.LessonMoved, NotificationTypes.LessonConfirmed, NotificationTypes.LessonCancelled,
        NotificationTypes.LessonReminder, NotificationTypes.Broadcast, NotificationTypes.Material, NotificationTypes.ApplicationDecided,
        NotificationTypes.ApplicationSubmitted, NotificationTypes.ParentInvitation, NotificationTypes.StudyPlan,
        NotificationTypes.MaterialQuestion, NotificationTypes.MaterialAnswer,
        NotificationTypes.TeacherReport, NotificationTypes.ReportReminder,
    ];

    public string Name => ChannelName;

    public bool Enabled => smtp.Value.Enabled;

    /// <summary>What a user gets by e-mail until they choose: parents their invoices, grades and lesson changes; tutors invoices.</summary>
    public static IReadOnlyList<string> DefaultTypes(UserRole role) => role switch
    {
        UserRole.Parent =>
        [
            NotificationTypes.Invoice, NotificationTypes.Grade, NotificationTypes.LessonBooked, NotificationTypes.LessonMoved,
            NotificationTypes.LessonCancelled, NotificationTypes.ReportSent, NotificationTypes.ParentInvitation, NotificationTypes.ApplicationDecided,
        ],
        UserRole.Tutor => [NotificationTypes.Invoice, NotificationTypes.ApplicationDecided],
        _ => [NotificationTypes.ApplicationDecided],
    };

    /// <summary>The types the user gets by e-mail: their choice, or their role's defaults.</summary>
    public static IReadOnlyList<string> ChosenTypes(UserRole role, NotificationSettings? settings) => settings?.EmailTypes ?? DefaultTypes(role);

    public ChannelDecision Decide(ChannelRecipient recipient, string type)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        if (!SupportedTypes.Contains(type) || !ChosenTypes(recipient.Role, recipient.Settings).Contains(type))
        {
            return ChannelDecision.Skip;
        }

        return string.IsNullOrWhiteSpace(recipient.Email)
            || string.Equals(recipient.Settings?.EmailRefusedAddress, recipient.Email, StringComparison.OrdinalIgnoreCase)
            ? ChannelDecision.Suppress
            : ChannelDecision.Send;
    }

    public async Task<DeliveryOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (string.IsNullOrWhiteSpace(notification.Email))
        {
            return DeliveryOutcome.Suppressed("The user has no e-mail address.");
        }

        return await transport.SendAsync(Compose(notification), cancellationToken);
    }

    /// <summary>The e-mail for one notification, in its recipient's language.</summary>
    public MimeMessage Compose(OutgoingNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var russian = notification.Language == "ru";
        var baseUrl = (deliveries.Value.AppBaseUrl?.ToString() ?? "http://localhost/").TrimEnd('/');
        var link = notification.Link is { Length: > 0 } relative && relative.StartsWith('/') ? baseUrl + relative : baseUrl + "/";
        var unsubscribe = $"{baseUrl}/api/notifications/unsubscribe?token={Uri.EscapeDataString(tokens.Create(notification.UserId, ChannelName, notification.Type))}";
        var typeName = NotificationTypeNames.Of(notification.Type, russian);

        var open = russian ? "Открыть в TheBot" : "Open in TheBot";
        var why = russian
            ? $"Вы получили это письмо, потому что в настройках TheBot включены письма «{typeName}»."
            : $"You get this e-mail because “{typeName}” e-mails are on in your TheBot settings.";
        var stop = russian ? "Больше не присылать такие письма" : "Stop these e-mails";

        var text = new StringBuilder()
            .AppendLine(notification.Title).AppendLine();
        if (!string.IsNullOrWhiteSpace(notification.Body))
        {
            text.AppendLine(notification.Body).AppendLine();
        }

        text.Append(open).Append(": ").AppendLine(link).AppendLine()
            .AppendLine("—").AppendLine(why).Append(stop).Append(": ").AppendLine(unsubscribe);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(russian ? "ru" : "en").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(notification.Title)).Append("</title></head><body style=\"font-family:sans-serif\">")
            .Append("<h1 style=\"font-size:1.25em\">").Append(WebUtility.HtmlEncode(notification.Title)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(notification.Body))
        {
            html.Append("<p>").Append(WebUtility.HtmlEncode(notification.Body)).Append("</p>");
        }

        html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">").Append(WebUtility.HtmlEncode(open)).Append("</a></p>")
            .Append("<hr><p style=\"color:#666;font-size:0.85em\">").Append(WebUtility.HtmlEncode(why)).Append(" <a href=\"")
            .Append(WebUtility.HtmlEncode(unsubscribe)).Append("\">").Append(WebUtility.HtmlEncode(stop)).Append("</a></p></body></html>");

        var message = new MimeMessage
        {
            Subject = notification.Type == NotificationTypes.ChatMessage
                ? (russian ? $"Новые сообщения в чате: {notification.Title}" : $"New chat messages: {notification.Title}")
                : notification.Title,
            MessageId = $"{notification.DeliveryId:N}@thebot.notifications",
            Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody(),
        };
        message.From.Add(transport.Sender);
        message.To.Add(new MailboxAddress(notification.FullName, notification.Email ?? ""));
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }
}

/// <summary>What each notification type is called in settings and e-mails (en, ru).</summary>
public static class NotificationTypeNames
{
    private static readonly Dictionary<string, (string English, string Russian)> Names = new(StringComparer.Ordinal)
    {
        [NotificationTypes.ChatMessage] = ("Chat messages", "Сообщения в чате"),
        [NotificationTypes.Broadcast] = ("Announcements", "Объявления"),
        [NotificationTypes.LessonReminder] = ("Lesson reminders", "Напоминания о занятиях"),
        [NotificationTypes.LessonBooked] = ("Lessons booked", "Новые занятия"),
        [NotificationTypes.LessonMoved] = ("Lessons moved", "Перенос занятий"),
        [NotificationTypes.LessonConfirmed] = ("Lessons confirmed", "Подтверждение занятий"),
        [NotificationTypes.LessonCancelled] = ("Lessons cancelled", "Отмена занятий"),
        [NotificationTypes.Material] = ("Materials", "Материалы"),
        [NotificationTypes.Assignment] = ("Homework", "Домашние задания"),
        [NotificationTypes.Grade] = ("Grades", "Оценки"),
        [NotificationTypes.ReportSent] = ("Weekly reports", "Недельные отчёты"),
        [NotificationTypes.TeacherReport] = ("Teachers' weekly reports", "Недельные отчёты учителей"),
        [NotificationTypes.ReportReminder] = ("Weekly report reminders", "Напоминания о недельных отчётах"),
        [NotificationTypes.ApplicationDecided] = ("Applications", "Заявки"),
        [NotificationTypes.ApplicationSubmitted] = ("New applications", "Новые заявки"),
        [NotificationTypes.Invoice] = ("Invoices", "Счета"),
        [NotificationTypes.ParentInvitation] = ("Parent invitations", "Приглашения родителей"),
        [NotificationTypes.StudyPlan] = ("Study plans", "Планы занятий"),
        [NotificationTypes.MaterialQuestion] = ("Questions on materials", "Вопросы к материалам"),
        [NotificationTypes.MaterialAnswer] = ("Answers to my questions", "Ответы на мои вопросы"),
        [NotificationTypes.KnowledgeLessonPassed] = ("Knowledge graph lessons passed", "Пройденные уроки графа знаний"),
    };

    public static string Of(string type, bool russian) =>
        Names.TryGetValue(type, out var name) ? (russian ? name.Russian : name.English) : type;
}
