using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Notifications.Delivery;

public static class DeliveriesApi
{
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder api)
    {
        var deliveries = api.MapGroup("/admin/deliveries").WithTags("Admin: deliveries").RequireRoles(UserRole.Admin);
        deliveries.MapGet("/", ListAsync).WithName("ListDeliveries")
            .WithSummary("Notifications sent outside the app (e-mail, Telegram): status, channel, recipient, attempts, error; newest first");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<DeliveryResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] DeliveryQuery query, TheBotDbContext db, CancellationToken ct)
    {
        if (query.Status is { } status && !DeliveryStatus.All.Contains(status))
        {
            return ApiProblems.Invalid("status", $"Use one of: {string.Join(", ", DeliveryStatus.All)}.");
        }

        var rows = db.NotificationDeliveries.AsNoTracking();
        if (query.Status is { } wanted)
        {
            rows = rows.Where(d => d.Status == wanted);
        }

        if (query.Channel is { } channel)
        {
            rows = rows.Where(d => d.Channel == channel);
        }

        rows = rows.FilteredBy(query.UserId, id => d => d.UserId == id);
        var page = await (
            from d in rows
            join n in db.Notifications on d.NotificationId equals n.Id
            join u in db.Users on d.UserId equals u.Id
            orderby d.CreatedAt descending, d.Id descending
            select new DeliveryResponse(
                d.Id, d.Channel, d.Status, n.Type, n.Title, u.Id, u.FullName, u.Email, d.Attempts, d.NextAttemptAt, d.LastError, d.SentAt, d.CreatedAt))
            .ToPageAsync(query.Paging, ct);
        return TypedResults.Ok(page);
    }
}

public sealed record DeliveryQuery
{
    /// <summary>pending, sent, failed or suppressed.</summary>
    [MaxLength(16)]
    public string? Status { get; init; }

    /// <summary>email.</summary>
    [MaxLength(20)]
    public string? Channel { get; init; }

    public Guid? UserId { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

/// <param name="Recipient">The user's address as it is now.</param>
public sealed record DeliveryResponse(
    Guid Id,
    string Channel,
    string Status,
    string Type,
    string Title,
    Guid UserId,
    string RecipientName,
    string? Recipient,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset? SentAt,
    DateTimeOffset CreatedAt);
