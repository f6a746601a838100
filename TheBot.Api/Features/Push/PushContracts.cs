using System.ComponentModel.DataAnnotations;

namespace TheBot.Api.Features.Push;

/// <summary>The key browsers subscribe with (<c>applicationServerKey</c>).</summary>
public sealed record PushPublicKeyResponse(string PublicKey);

/// <summary>A browser's subscription, as <c>PushSubscription.toJSON()</c> gives it: the endpoint and its two keys.</summary>
public sealed record PushSubscriptionRequest(
    [property: Required, MaxLength(PushSubscriptionRules.MaxEndpointLength)] string? Endpoint,
    [property: Required, MaxLength(120)] string? P256dh,
    [property: Required, MaxLength(60)] string? Auth);

/// <param name="Subscriptions">How many devices of the caller's now get Web Push.</param>
public sealed record PushSubscriptionResponse(string Endpoint, DateTimeOffset CreatedAt, int Subscriptions);
