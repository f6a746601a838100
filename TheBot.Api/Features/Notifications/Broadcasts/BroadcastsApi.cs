using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Notifications.Broadcasts;

public static class BroadcastsApi
{
    /// <summary>How far in the past a <c>sendAt</c> may be (the admin's clock, the time the form took): it goes at once.</summary>
    private static readonly TimeSpan PastTolerance = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan FurthestAhead = TimeSpan.FromDays(366);

    public static IEndpointRouteBuilder MapBroadcastsApi(this IEndpointRouteBuilder api)
    {
        var broadcasts = api.MapGroup("/admin/broadcasts").WithTags("Admin: broadcasts").RequireRoles(UserRole.Admin);
        broadcasts.MapPost("/", CreateAsync).WithName("CreateBroadcast")
            .WithSummary("Notify a role, a subject's students and teachers, or everyone, now or at sendAt (fanned out in the background, from the database)");
        broadcasts.MapGet("/", ListAsync).WithName("ListBroadcasts")
            .WithSummary("Broadcasts, newest first, with their recipients counted by status");
        broadcasts.MapGet("/{id:guid}", GetAsync).WithName("GetBroadcast")
            .WithSummary("A broadcast, its status and its recipients counted by status");
        broadcasts.MapGet("/{id:guid}/recipients", RecipientsAsync).WithName("ListBroadcastRecipients")
            .WithSummary("A broadcast's recipients: status over the app and each channel (sent, failed and why, waiting, suppressed), attempts");
        broadcasts.MapPost("/{id:guid}/retry-failed", RetryFailedAsync).WithName("RetryFailedBroadcastDeliveries")
            .WithSummary("Makes the broadcast's failed channel deliveries due again (attempts start over)");
        broadcasts.MapPost("/{id:guid}/cancel", CancelAsync).WithName("CancelBroadcast")
            .WithSummary("Cancels a broadcast that has not gone out yet (409 once it is being sent or sent)");
        return api;
    }

    private static async Task<Results<Accepted<BroadcastResponse>, ValidationProblem>> CreateAsync(
        BroadcastRequest request, CurrentUser caller, TheBotDbContext db, BroadcastWakeUp wakeUp, TimeProvider clock, CancellationToken ct)
    {
        var audiences = (request.Everyone == true ? 1 : 0) + (request.Role is null ? 0 : 1) + (request.SubjectId is null ? 0 : 1);
        if (audiences != 1)
        {
            return ApiProblems.Invalid("everyone", "Choose exactly one audience: everyone, a role or a subject.");
        }

        var now = clock.GetUtcNow();
        if (request.SendAt is { } sendAt && sendAt < now - PastTolerance)
        {
            return ApiProblems.Invalid("sendAt", "The time to send it has passed.");
        }

        if (request.SendAt is { } late && late > now + FurthestAhead)
        {
            return ApiProblems.Invalid("sendAt", "A broadcast can be scheduled at most a year ahead.");
        }

        if (request.SubjectId is { } subjectId && !await db.Subjects.AnyAsync(s => s.Id == subjectId, ct))
        {
            return ApiProblems.Invalid("subjectId", "No subject has this id.");
        }

        var broadcast = new Broadcast
        {
            Id = Guid.CreateVersion7(),
            CreatedById = caller.Id,
            Title = request.Title.Trim(),
            Body = request.Body,
            Link = request.Link,
            Priority = Enum.TryParse<NotificationPriority>(request.Priority, ignoreCase: true, out var p) ? p : NotificationPriority.Normal,
            AudienceKind = request.Everyone == true ? "everyone" : request.Role is not null ? "role" : "subject",
            Role = request.Role?.ToLowerInvariant(),
            SubjectId = request.SubjectId,
            CreatedAt = now,
            SendAt = request.SendAt is { } at && at > now ? at.ToUniversalTime() : now,
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(ct);
        if (broadcast.SendAt <= now)
        {
            // Only a hint to this replica's worker to look now rather than at its next poll: the row is the work.
            wakeUp.Nudge();
        }

        return TypedResults.Accepted($"/api/admin/broadcasts/{broadcast.Id}", ToResponse(broadcast, now, BroadcastCounts.None));
    }

    private static async Task<Ok<PagedResult<BroadcastResponse>>> ListAsync(
        [AsParameters] BroadcastQuery query, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var page = await db.Broadcasts.AsNoTracking().OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToPageAsync(query.Paging, ct);
        var counts = await CountsAsync(db, [.. page.Items.Select(b => b.Id)], ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new PagedResult<BroadcastResponse>(
            [.. page.Items.Select(b => ToResponse(b, now, counts.GetValueOrDefault(b.Id, BroadcastCounts.None)))], page.Page, page.PageSize, page.TotalCount));
    }

    private static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> GetAsync(Guid id, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } broadcast)
        {
            return ApiProblems.NotFound("The broadcast");
        }

        var counts = await CountsAsync(db, [id], ct);
        return TypedResults.Ok(ToResponse(broadcast, clock.GetUtcNow(), counts.GetValueOrDefault(id, BroadcastCounts.None)));
    }

    private static async Task<Results<Ok<PagedResult<BroadcastRecipientResponse>>, ValidationProblem, ProblemHttpResult>> RecipientsAsync(
        Guid id, [AsParameters] BroadcastRecipientQuery query, TheBotDbContext db, CancellationToken ct)
    {
        if (query.Status is { } status && !BroadcastRecipientStatus.All.Contains(status))
        {
            return ApiProblems.Invalid("status", $"Use one of: {string.Join(", ", BroadcastRecipientStatus.All)}.");
        }

        if (!await db.Broadcasts.AnyAsync(b => b.Id == id, ct))
        {
            return ApiProblems.NotFound("The broadcast");
        }

        var rows = BroadcastRecipientRows.Of(db).Where(r => r.BroadcastId == id);
        if (query.Status is { } wanted)
        {
            rows = rows.Where(r => r.Status == wanted);
        }

        var page = await rows.OrderBy(r => r.FullName).ThenBy(r => r.UserId).ToPageAsync(query.Paging, ct);
        var notificationIds = page.Items.Where(r => r.NotificationId != null).Select(r => r.NotificationId!.Value).ToList();
        var deliveries = (await db.NotificationDeliveries.AsNoTracking()
                .Where(d => notificationIds.Contains(d.NotificationId))
                .OrderBy(d => d.Channel)
                .Select(d => new { d.NotificationId, Delivery = new BroadcastDeliveryResponse(d.Id, d.Channel, d.Status, d.Attempts, d.LastError, d.SentAt, d.NextAttemptAt) })
                .ToListAsync(ct))
            .ToLookup(d => d.NotificationId, d => d.Delivery with { Status = d.Delivery.Status == DeliveryStatus.Pending ? BroadcastRecipientStatus.Waiting : d.Delivery.Status });
        var items = page.Items
            .Select(r => new BroadcastRecipientResponse(
                r.UserId, r.FullName, r.Email, UserRoleNames.ToName(r.Role), r.Status, r.ReadAt,
                r.NotificationId is { } notificationId ? [.. deliveries[notificationId]] : []))
            .ToList();
        return TypedResults.Ok(new PagedResult<BroadcastRecipientResponse>(items, page.Page, page.PageSize, page.TotalCount));
    }

    private static async Task<Results<Accepted<BroadcastRetryResponse>, ProblemHttpResult>> RetryFailedAsync(
        Guid id, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!await db.Broadcasts.AnyAsync(b => b.Id == id, ct))
        {
            return ApiProblems.NotFound("The broadcast");
        }

        var now = clock.GetUtcNow();
        var notifications = db.BroadcastRecipients.Where(r => r.BroadcastId == id && r.NotificationId != null).Select(r => r.NotificationId);
        // Only rows still failed: a delivery the sender is working on is pending, and is left alone.
        var retried = await db.NotificationDeliveries
            .Where(d => d.Status == DeliveryStatus.Failed && notifications.Contains(d.NotificationId))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now), ct);
        return TypedResults.Accepted($"/api/admin/broadcasts/{id}/recipients", new BroadcastRetryResponse(retried));
    }

    private static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> CancelAsync(Guid id, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // One statement against the fan-out's claim: a broadcast a replica has taken (or finished) is not cancelled.
        var cancelled = await db.Broadcasts
            .Where(b => b.Id == id && b.CompletedAt == null && b.CancelledAt == null && (b.ClaimedUntil == null || b.ClaimedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.CancelledAt, now), ct);
        if (await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } broadcast)
        {
            return ApiProblems.NotFound("The broadcast");
        }

        if (cancelled == 0 && broadcast.CancelledAt is null)
        {
            return ApiProblems.Conflict("The broadcast is being sent or has been sent: it can no longer be cancelled.");
        }

        var counts = await CountsAsync(db, [id], ct);
        return TypedResults.Ok(ToResponse(broadcast, now, counts.GetValueOrDefault(id, BroadcastCounts.None)));
    }

    /// <summary>The broadcasts' recipients by status, in one grouped query.</summary>
    private static async Task<Dictionary<Guid, BroadcastCounts>> CountsAsync(TheBotDbContext db, List<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var grouped = await BroadcastRecipientRows.CountAsync(db, [.. ids], ct);
        return grouped.GroupBy(g => g.BroadcastId).ToDictionary(g => g.Key, g =>
        {
            int Of(string status) => g.Where(x => x.Status == status).Sum(x => x.Count);
            return new BroadcastCounts(
                g.Sum(x => x.Count), Of(BroadcastRecipientStatus.Delivered), Of(BroadcastRecipientStatus.Sent), Of(BroadcastRecipientStatus.Failed),
                Of(BroadcastRecipientStatus.Waiting), Of(BroadcastRecipientStatus.Suppressed));
        });
    }

    private static BroadcastResponse ToResponse(Broadcast b, DateTimeOffset now, BroadcastCounts counts) =>
        new(b.Id, b.Title, b.Body, b.Link, Notifier.PriorityName(b.Priority), b.AudienceKind, b.Role, b.SubjectId, b.CreatedAt, b.SendAt,
            b.CancelledAt is not null ? "cancelled" : b.CompletedAt is not null ? "sent" : b.SendAt > now ? "scheduled" : "sending",
            b.RecipientCount, b.CompletedAt, b.CancelledAt, counts);
}
