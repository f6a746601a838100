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
            .WithSummary("Notify everyone, a role, a subject's students and teachers, a tutor's students (and parents), a teacher's students or hand-picked people, now or at sendAt (fanned out in the background, from the database)");
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
        var audiences = (request.Everyone == true ? 1 : 0) + (request.Role is null ? 0 : 1) + (request.SubjectId is null ? 0 : 1)
            + (request.TutorId is null ? 0 : 1) + (request.TeacherId is null ? 0 : 1) + (request.UserIds is null ? 0 : 1);
        if (audiences != 1)
        {
            return ApiProblems.Invalid("everyone", "Choose exactly one audience: everyone, a role, a subject, a tutor, a teacher or a list of people.");
        }

        if (await AudienceProblemAsync(request, db, ct) is { } audienceProblem)
        {
            return audienceProblem;
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

        var broadcast = new Broadcast
        {
            Id = Guid.CreateVersion7(),
            CreatedById = caller.Id,
            Title = request.Title.Trim(),
            Body = request.Body,
            Link = request.Link,
            Priority = Enum.TryParse<NotificationPriority>(request.Priority, ignoreCase: true, out var p) ? p : NotificationPriority.Normal,
            AudienceKind = AudienceKindOf(request),
            Role = request.Role?.ToLowerInvariant(),
            SubjectId = request.SubjectId,
            TutorId = request.TutorId,
            IncludeParents = request.TutorId is not null && request.IncludeParents == true,
            TeacherId = request.TeacherId,
            UserIds = request.UserIds is { } picked ? [.. picked.Distinct()] : null,
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

        var details = await DetailsAsync(db, [broadcast], ct);
        return TypedResults.Accepted($"/api/admin/broadcasts/{broadcast.Id}", ToResponse(broadcast, now, details));
    }

    private static async Task<Ok<PagedResult<BroadcastResponse>>> ListAsync(
        [AsParameters] BroadcastQuery query, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var page = await db.Broadcasts.AsNoTracking().OrderByDescending(b => b.CreatedAt).ThenByDescending(b => b.Id).ToPageAsync(query.Paging, ct);
        var details = await DetailsAsync(db, page.Items, ct);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(new PagedResult<BroadcastResponse>(
            [.. page.Items.Select(b => ToResponse(b, now, details))], page.Page, page.PageSize, page.TotalCount));
    }

    private static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> GetAsync(Guid id, TheBotDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } broadcast)
        {
            return ApiProblems.NotFound("The broadcast");
        }

        var details = await DetailsAsync(db, [broadcast], ct);
        return TypedResults.Ok(ToResponse(broadcast, clock.GetUtcNow(), details));
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

        var details = await DetailsAsync(db, [broadcast], ct);
        return TypedResults.Ok(ToResponse(broadcast, now, details));
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

    private static string AudienceKindOf(BroadcastRequest request) =>
        request.Everyone == true ? BroadcastAudiences.Everyone
        : request.Role is not null ? BroadcastAudiences.Role
        : request.SubjectId is not null ? BroadcastAudiences.Subject
        : request.TutorId is not null ? BroadcastAudiences.Tutor
        : request.TeacherId is not null ? BroadcastAudiences.Teacher
        : BroadcastAudiences.Users;

    /// <summary>The chosen audience's subject, tutor, teacher or people must exist (and have that role).</summary>
    private static async Task<ValidationProblem?> AudienceProblemAsync(BroadcastRequest request, TheBotDbContext db, CancellationToken ct)
    {
        if (request.SubjectId is { } subjectId && !await db.Subjects.AnyAsync(s => s.Id == subjectId, ct))
        {
            return ApiProblems.Invalid("subjectId", "No subject has this id.");
        }

        if (request.TutorId is { } tutorId && !await db.Users.AnyAsync(u => u.Id == tutorId && u.Role == UserRole.Tutor, ct))
        {
            return ApiProblems.Invalid("tutorId", "No tutor has this id.");
        }

        if (request.IncludeParents == true && request.TutorId is null)
        {
            return ApiProblems.Invalid("includeParents", "Parents can be included only with a tutor's students.");
        }

        if (request.TeacherId is { } teacherId && !await db.Users.AnyAsync(u => u.Id == teacherId && u.Role == UserRole.Teacher, ct))
        {
            return ApiProblems.Invalid("teacherId", "No teacher has this id.");
        }

        if (request.UserIds is { } picked)
        {
            var ids = picked.Distinct().ToList();
            if (ids.Count == 0 || ids.Count > BroadcastAudiences.MaxUsers)
            {
                return ApiProblems.Invalid("userIds", $"Pick between 1 and {BroadcastAudiences.MaxUsers} people.");
            }

            var known = await db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            if (known.Count != ids.Count)
            {
                return ApiProblems.Invalid("userIds", "No user has these ids: " + string.Join(", ", ids.Except(known).Take(10)) + ".");
            }
        }

        return null;
    }

    /// <summary>What the responses add to the rows: recipients by status, how many read it, the target's name.</summary>
    private static async Task<BroadcastDetails> DetailsAsync(TheBotDbContext db, IReadOnlyCollection<Broadcast> broadcasts, CancellationToken ct)
    {
        var ids = broadcasts.Select(b => b.Id).ToList();
        var counts = await CountsAsync(db, ids, ct);
        var read = ids.Count == 0 ? [] : await db.BroadcastRecipients.AsNoTracking()
            .Where(r => ids.Contains(r.BroadcastId) && db.Notifications.Any(n => n.Id == r.NotificationId && n.ReadAt != null))
            .GroupBy(r => r.BroadcastId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var people = broadcasts.SelectMany(b => new[] { b.TutorId, b.TeacherId }).OfType<Guid>().Distinct().ToList();
        var names = people.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var subjects = broadcasts.Select(b => b.SubjectId).OfType<Guid>().Distinct().ToList();
        var subjectNames = subjects.Count == 0 ? [] : await db.Subjects.AsNoTracking().Where(s => subjects.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        foreach (var (id, name) in subjectNames)
        {
            names[id] = name;
        }

        return new BroadcastDetails(counts, read, names);
    }

    private static BroadcastResponse ToResponse(Broadcast b, DateTimeOffset now, BroadcastDetails details) =>
        new(b.Id, b.Title, b.Body, b.Link, Notifier.PriorityName(b.Priority), b.AudienceKind, b.Role, b.SubjectId, b.CreatedAt, b.SendAt,
            b.CancelledAt is not null ? "cancelled" : b.CompletedAt is not null ? "sent" : b.SendAt > now ? "scheduled" : "sending",
            b.RecipientCount, b.CompletedAt, b.CancelledAt, details.Counts.GetValueOrDefault(b.Id, BroadcastCounts.None),
            b.TutorId, b.IncludeParents, b.TeacherId,
            (b.SubjectId ?? b.TutorId ?? b.TeacherId) is { } target ? details.Names.GetValueOrDefault(target) : null,
            b.UserIds?.Count ?? 0, details.Read.GetValueOrDefault(b.Id));

    private sealed record BroadcastDetails(Dictionary<Guid, BroadcastCounts> Counts, Dictionary<Guid, int> Read, Dictionary<Guid, string> Names);
}
