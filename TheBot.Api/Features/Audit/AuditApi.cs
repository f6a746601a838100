using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;
using TheBot.Api.Platform.Auth;
using TheBot.Api.Platform.Errors;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Audit;

/// <summary>The audit log, read-only: there is no endpoint that changes or deletes a row.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Admin: audit log").RequireRoles(UserRole.Admin);
        audit.MapGet("/", ListAsync).WithName("ListAuditEntries")
            .WithSummary("The audit log, newest first: filter by actor, entity type and id, action and time");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<AuditEntryResponse>>, ValidationProblem>> ListAsync(
        [AsParameters] AuditQuery query, TheBotDbContext db, CancellationToken ct)
    {
        if (query is { From: { } from, To: { } to } && to <= from)
        {
            return ApiProblems.Invalid("to", "The end of the range must come after its start.");
        }

        var entries = db.AuditEntries.AsNoTracking();
        entries = entries.FilteredBy(query.ActorId, actorId => e => e.ActorId == actorId);
        entries = entries.FilteredBy(query.EntityId, entityId => e => e.EntityId == entityId);
        entries = entries.FilteredBy(query.From, start => e => e.At >= start);
        entries = entries.FilteredBy(query.To, end => e => e.At < end);
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            var type = query.EntityType.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim().ToLowerInvariant();
            entries = entries.Where(e => e.Action == action);
        }

        var page = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Select(e => new { e.Id, e.At, e.ActorId, e.ActorName, e.ActorRole, e.EntityType, e.EntityId, e.EntityLabel, e.Action, e.Changes, e.ClientIp, e.UserAgent })
            .ToPageAsync(query.Paging, ct);
        var items = page.Items.Select(e => new AuditEntryResponse(
            e.Id, e.At, new AuditActorResponse(e.ActorId, e.ActorName, e.ActorRole), new AuditEntityResponse(e.EntityType, e.EntityId, e.EntityLabel),
            e.Action, AuditFieldChange.Parse(e.Changes), e.ClientIp, e.UserAgent)).ToList();
        return TypedResults.Ok(new PagedResult<AuditEntryResponse>(items, page.Page, page.PageSize, page.TotalCount));
    }
}
