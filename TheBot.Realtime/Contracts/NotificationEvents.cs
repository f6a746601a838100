namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>notification</c>: to the user's group when a notification was stored for them (not during their
/// quiet hours unless it is urgent). <see cref="Priority"/> is low, normal, high or urgent.
/// </summary>
public sealed record NotificationEvent(
    Guid Id,
    string Type,
    string Priority,
    string Title,
    string? Body,
    string? Link,
    DateTimeOffset CreatedAt);

/// <summary><c>notificationsRead</c>: to the user's group after read-all, so other devices clear their badges.</summary>
public sealed record NotificationsReadEvent(Guid? NotificationId, DateTimeOffset ReadAt);

public static class NotificationEventNames
{
    public const string Notification = "notification";
    public const string NotificationsRead = "notificationsRead";
}

/// <summary>Notification types other features use (free-form strings; these are the known ones).</summary>
public static class NotificationTypes
{
    public const string ChatMessage = "chatMessage";
    public const string Broadcast = "broadcast";
    public const string LessonReminder = "lessonReminder";
    public const string LessonChanged = "lessonChanged";
    public const string Material = "material";
    public const string Assignment = "assignment";
    public const string Grade = "grade";
    public const string Invoice = "invoice";
    public const string ParentInvitation = "parentInvitation";
}
