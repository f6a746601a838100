using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Platform.Auth;

namespace TheBot.Api.Features.Push;

/// <summary>
/// Web Push (RFC 8030/8291/8292, Lib.Net.Http.WebPush) to every browser the recipient subscribed: the notification's
/// title, body (already in the recipient's language) and app link, encrypted for each browser (aes128gcm) and signed
/// with the server's VAPID key. A push service's 404/410 means the browser dropped the subscription: it is deleted.
/// 429, 5xx and network failures are retried by the outbox with its backoff (the browser shows a message again under
/// the same tag, replacing rather than doubling it); other refusals fail the delivery.
/// </summary>
public sealed partial class PushChannel(IOptions<PushOptions> options, IServiceScopeFactory scopes, ILogger<PushChannel> logger)
    : INotificationChannel, IDisposable
{
    public const string ChannelName = "push";

    private readonly Lazy<(HttpClient Http, PushServiceClient Client, VapidAuthentication Vapid)> _client = new(() =>
    {
        var settings = options.Value;
        // Not the factory's client: its standard resilience handler would retry 429/5xx itself, hidden from the outbox.
        var http = new HttpClient { Timeout = settings.Timeout };
        var client = new PushServiceClient(http) { AutoRetryAfter = false, DefaultTimeToLive = (int)settings.TimeToLive.TotalSeconds };
        var vapid = new VapidAuthentication(settings.VapidPublicKey!.Trim(), settings.VapidPrivateKey!.Trim()) { Subject = settings.VapidSubject!.Trim() };
        return (http, client, vapid);
    });

    /// <summary>The types that can be pushed: those an e-mail can be had for (chat messages are coalesced outside the outbox).</summary>
    public static IReadOnlyList<string> SupportedTypes => EmailChannel.SupportedTypes;

    /// <summary>The types the user gets pushed: their choice, or every type (they asked for Web Push on a device).</summary>
    public static IReadOnlyList<string> ChosenTypes(NotificationSettings? settings) => settings?.PushTypes ?? SupportedTypes;

    public string Name => ChannelName;

    public bool Enabled => options.Value.Enabled;

    public ChannelDecision Decide(ChannelRecipient recipient, string type)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        return recipient.Reachable && SupportedTypes.Contains(type) && ChosenTypes(recipient.Settings).Contains(type)
            ? ChannelDecision.Send
            : ChannelDecision.Skip;
    }

    IReadOnlyList<string> INotificationChannel.OfferedTypes => SupportedTypes;

    IReadOnlyList<string> INotificationChannel.TypesChosenBy(UserRole role, NotificationSettings? settings) => ChosenTypes(settings);

    /// <summary>Those of the users with at least one subscribed browser.</summary>
    public async Task<IReadOnlySet<Guid>?> ReachableAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
        var ids = userIds.ToList();
        return (await db.PushSubscriptions.AsNoTracking().Where(s => ids.Contains(s.UserId))
            .Select(s => s.UserId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
    }

    public async Task<DeliveryOutcome> SendAsync(OutgoingNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        List<(Guid Id, string Endpoint, string P256dh, string Auth)> subscriptions;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
            subscriptions = (await db.PushSubscriptions.AsNoTracking().Where(s => s.UserId == notification.UserId)
                .Select(s => new { s.Id, s.Endpoint, s.P256dh, s.Auth }).ToListAsync(cancellationToken))
                .ConvertAll(s => (s.Id, s.Endpoint, s.P256dh, s.Auth));
        }

        if (subscriptions.Count == 0)
        {
            return DeliveryOutcome.Suppressed("No browser of the user's is subscribed to Web Push any more.");
        }

        var (_, client, vapid) = _client.Value;
        var payload = Payload(notification);
        var sent = 0;
        var gone = new List<Guid>();
        string? retry = null;
        string? refused = null;
        foreach (var (id, endpoint, p256dh, auth) in subscriptions)
        {
            var subscription = new PushSubscription { Endpoint = endpoint };
            subscription.SetKey(PushEncryptionKeyName.P256DH, p256dh);
            subscription.SetKey(PushEncryptionKeyName.Auth, auth);
            // One topic per notification: a push service holding an undelivered copy for an offline browser replaces it.
            var message = new PushMessage(payload) { Topic = notification.NotificationId.ToString("N"), Urgency = PushMessageUrgency.Normal };
            try
            {
                await client.RequestPushMessageDeliveryAsync(subscription, message, vapid, VapidAuthenticationScheme.Vapid, cancellationToken);
                sent++;
            }
            catch (PushServiceClientException ex) when (ex.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                gone.Add(id);
            }
            catch (PushServiceClientException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests || (int)ex.StatusCode >= 500)
            {
                retry ??= $"{(int)ex.StatusCode} {ex.Message}";
            }
            catch (PushServiceClientException ex)
            {
                refused ??= $"{(int)ex.StatusCode} {ex.Message}";
                LogRefused(notification.DeliveryId, (int)ex.StatusCode, ex.Body);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException)
            {
                retry ??= $"{ex.GetType().Name}: {ex.Message}";
                LogSendFailed(ex, notification.DeliveryId);
            }
        }

        if (gone.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
            await db.PushSubscriptions.Where(s => gone.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
            LogGone(notification.UserId, gone.Count);
        }

        if (retry is not null)
        {
            return DeliveryOutcome.Retry(retry);
        }

        if (sent > 0)
        {
            return DeliveryOutcome.Sent;
        }

        return DeliveryOutcome.Failed(refused ?? "410 Gone: the push service no longer knows the browser; its subscription was removed.");
    }

    /// <summary>What the service worker shows (<c>sw.js</c>): title, body, where a click leads, a tag per notification, the language.</summary>
    public static string Payload(OutgoingNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var body = notification.Body is { Length: > 1000 } longBody ? longBody[..999] + "…" : notification.Body;
        var url = notification.Link is { Length: > 0 } link && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? link : "/";
        return JsonSerializer.Serialize(
            new PushPayload(notification.Title, body ?? "", url, $"notification-{notification.NotificationId:N}", notification.Language, notification.Type),
            PayloadJson);
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Vapid.Dispose();
            _client.Value.Http.Dispose();
        }
    }

    private static readonly JsonSerializerOptions PayloadJson = new(JsonSerializerDefaults.Web);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Web Push for delivery {DeliveryId} failed; it is retried")]
    private partial void LogSendFailed(Exception exception, Guid deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A push service refused delivery {DeliveryId} with {Status}: {Body}")]
    private partial void LogRefused(Guid deliveryId, int status, string? body);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} Web Push subscription(s) of user {UserId} are gone (404/410) and were removed")]
    private partial void LogGone(Guid userId, int count);
}

/// <summary>The JSON a push carries to the service worker.</summary>
public sealed record PushPayload(string Title, string Body, string Url, string Tag, string Lang, string Type);
