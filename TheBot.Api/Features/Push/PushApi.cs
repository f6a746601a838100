using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Features.Push;

public static class PushApi
{
    /// <summary>The problem type the SPA recognises: no toggle is offered.</summary>
    public const string NotConfiguredType = "tag:thebot,2026:problems/push-not-configured";

    public static IEndpointRouteBuilder MapPushApi(this IEndpointRouteBuilder api)
    {
        var push = api.MapGroup("/push").WithTags("Push");
        push.MapGet("/public-key", PublicKey).RequireSignedIn()
            .WithName("GetPushPublicKey").WithSummary("The VAPID public key browsers subscribe with; 404 when Web Push is not configured");
        push.MapPut("/subscriptions", SubscribeAsync).RequireSignedIn()
            .WithName("SavePushSubscription").WithSummary("Get Web Push on this browser: its subscription (https endpoint, p256dh, auth), stored or renewed by endpoint");
        push.MapDelete("/subscriptions", UnsubscribeAsync).RequireSignedIn()
            .WithName("DeletePushSubscription").WithSummary("No more Web Push to this browser (by endpoint; nothing to delete is no error)");
        return api;
    }

    private static Results<Ok<PushPublicKeyResponse>, ProblemHttpResult> PublicKey(IOptions<PushOptions> options) =>
        options.Value.Enabled ? TypedResults.Ok(new PushPublicKeyResponse(options.Value.VapidPublicKey!.Trim())) : NotConfigured();

    private static async Task<Results<Ok<PushSubscriptionResponse>, ValidationProblem, ProblemHttpResult>> SubscribeAsync(
        PushSubscriptionRequest request, CurrentUser caller, TheBotDbContext db, IOptions<PushOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return NotConfigured();
        }

        var errors = PushSubscriptionRules.Check(request, settings);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var me = caller.Id;
        var now = clock.GetUtcNow();
        var endpoint = request.Endpoint!.Trim();
        var subscription = await db.PushSubscriptions.FirstOrDefaultAsync(s => s.Endpoint == endpoint, ct);
        if (subscription is null)
        {
            subscription = new PushSubscriptionEntry
            {
                Id = Guid.CreateVersion7(), UserId = me, Endpoint = endpoint, P256dh = "", Auth = "", CreatedAt = now,
            };
            db.PushSubscriptions.Add(subscription);
        }

        // The same browser signed in as someone else now: its notifications are the new user's.
        subscription.UserId = me;
        subscription.P256dh = request.P256dh!.Trim();
        subscription.Auth = request.Auth!.Trim();
        subscription.UpdatedAt = now;
        await db.SaveChangesAsync(ct);

        // Beyond the limit, the devices not seen for longest go.
        var surplus = db.PushSubscriptions.Where(s => s.UserId == me)
            .OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id).Skip(settings.MaxSubscriptionsPerUser).Select(s => s.Id);
        await db.PushSubscriptions.Where(s => surplus.Contains(s.Id)).ExecuteDeleteAsync(ct);
        var count = await db.PushSubscriptions.CountAsync(s => s.UserId == me, ct);
        return TypedResults.Ok(new PushSubscriptionResponse(endpoint, subscription.CreatedAt, count));
    }

    private static async Task<Results<NoContent, ValidationProblem>> UnsubscribeAsync(
        string? endpoint, CurrentUser caller, TheBotDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(endpoint) || endpoint.Length > PushSubscriptionRules.MaxEndpointLength)
        {
            return ApiProblems.Invalid("endpoint", "Give the subscription's endpoint.");
        }

        var me = caller.Id;
        var trimmed = endpoint.Trim();
        await db.PushSubscriptions.Where(s => s.UserId == me && s.Endpoint == trimmed).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotConfigured() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "Web Push is not configured on this server (no VAPID keys).", type: NotConfiguredType);
}
