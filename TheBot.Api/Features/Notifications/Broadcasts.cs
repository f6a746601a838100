using System.Threading.Channels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Realtime.Contracts;

namespace TheBot.Api.Features.Notifications;

public static class BroadcastsApi
{
    public static IEndpointRouteBuilder MapBroadcastsApi(this IEndpointRouteBuilder api)
    {
        var broadcasts = api.MapGroup("/admin/broadcasts").WithTags("Admin: broadcasts");
        broadcasts.MapPost("/", CreateAsync).RequireRoles(UserRole.Admin)
            .WithName("CreateBroadcast").WithSummary("Notify a role, a subject's students and teachers, or everyone (fanned out in the background)");
        broadcasts.MapGet("/{id:guid}", GetAsync).RequireRoles(UserRole.Admin)
            .WithName("GetBroadcast").WithSummary("A broadcast and how many people it reached");
        return api;
    }

    private static async Task<Results<Accepted<BroadcastResponse>, ValidationProblem>> CreateAsync(
        BroadcastRequest request, CurrentUser caller, TheBotDbContext db, BroadcastInbox queue, TimeProvider clock, CancellationToken ct)
    {
        var audiences = (request.Everyone == true ? 1 : 0) + (request.Role is null ? 0 : 1) + (request.SubjectId is null ? 0 : 1);
        if (audiences != 1)
        {
            return ApiProblems.Invalid("everyone", "Choose exactly one audience: everyone, a role or a subject.");
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
            CreatedAt = clock.GetUtcNow(),
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(ct);
        await queue.EnqueueAsync(broadcast.Id, ct);
        return TypedResults.Accepted($"/api/admin/broadcasts/{broadcast.Id}", ToResponse(broadcast));
    }

    private static async Task<Results<Ok<BroadcastResponse>, ProblemHttpResult>> GetAsync(Guid id, TheBotDbContext db, CancellationToken ct) =>
        await db.Broadcasts.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } broadcast
            ? TypedResults.Ok(ToResponse(broadcast))
            : ApiProblems.NotFound("The broadcast");

    private static BroadcastResponse ToResponse(Broadcast b) =>
        new(b.Id, b.Title, b.AudienceKind, b.Role, b.SubjectId, b.CreatedAt, b.RecipientCount, b.CompletedAt);
}

/// <summary>Broadcasts waiting for the fan-out (in this api replica's memory).</summary>
public sealed class BroadcastInbox
{
    private readonly Channel<Guid> _channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public ValueTask EnqueueAsync(Guid broadcastId, CancellationToken ct) => _channel.Writer.WriteAsync(broadcastId, ct);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);
}

/// <summary>
/// Stores a broadcast for each recipient and pushes it live, in chunks, off the request: a broadcast
/// to 10,000 people does not hold the admin's request.
/// </summary>
public sealed partial class BroadcastFanOut(BroadcastInbox queue, IServiceScopeFactory scopes, TimeProvider clock, ILogger<BroadcastFanOut> logger) : BackgroundService
{
    private const int ChunkSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await FanOutAsync(id, stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or Npgsql.NpgsqlException)
            {
                LogFailed(ex, id);
            }
        }
    }

    private async Task FanOutAsync(Guid id, CancellationToken ct)
    {
        Broadcast broadcast;
        List<Guid> recipients;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
            broadcast = await db.Broadcasts.AsNoTracking().FirstAsync(b => b.Id == id, ct);
            var users = db.Users.AsNoTracking().Where(u => u.IsActive);
            users = broadcast.AudienceKind switch
            {
                "role" when UserRoleNames.TryParse(broadcast.Role, out var role) => users.Where(u => u.Role == role),
                "subject" => users.Where(u =>
                    db.Enrollments.Any(e => e.SubjectId == broadcast.SubjectId && e.Status == EnrollmentStatus.Active && (e.StudentId == u.Id || e.TeacherId == u.Id))),
                _ => users,
            };
            recipients = await users.OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(ct);
        }

        var stored = 0;
        foreach (var chunk in recipients.Chunk(ChunkSize))
        {
            await using var scope = scopes.CreateAsyncScope();
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            stored += await notifier.NotifyAsync(chunk, NotificationTypes.Broadcast, broadcast.Title, broadcast.Body, broadcast.Link, broadcast.Priority, ct);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TheBotDbContext>();
            var now = clock.GetUtcNow();
            await db.Broadcasts.Where(b => b.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.RecipientCount, stored).SetProperty(b => b.CompletedAt, now), ct);
        }

        LogDone(id, stored);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcast {Id} stored for {Count} recipients")]
    private partial void LogDone(Guid id, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Broadcast {Id} could not be fanned out")]
    private partial void LogFailed(Exception exception, Guid id);
}
