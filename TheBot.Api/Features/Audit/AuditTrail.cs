using TheBot.Api.Data;

namespace TheBot.Api.Features.Audit;

/// <summary>
/// Records a change in the audit log explicitly, for what the automatic recording (<see cref="AuditedEntities"/>,
/// tracked entities saved through <c>SaveChanges</c>) does not see: set-based writes (<c>ExecuteUpdate</c>, raw SQL)
/// and moderation reads. The row is added to the request's <see cref="TheBotDbContext"/> and written by its next
/// <c>SaveChanges</c> — the one that saves the change — so a change that fails leaves no row:
/// <code>
/// audit.Record("price", price.Id, price.Label, "update", AuditFieldChange.Of("amount", before, price.Amount));
/// await db.SaveChangesAsync(ct);
/// </code>
/// For a set-based write, open a transaction, write, <c>Record</c>, <c>SaveChangesAsync</c>, commit.
/// </summary>
public sealed class AuditTrail(TheBotDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds the row (nothing happens outside a signed-in request); returns whether a row was added.</summary>
    public bool Record(string entityType, Guid entityId, string label, string action, params IReadOnlyList<AuditFieldChange> changes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(changes);
        if (AuditActor.Of(http.HttpContext) is not { } actor)
        {
            return false;
        }

        db.AuditEntries.Add(actor.Entry(entityType, entityId, label, action, changes, clock.GetUtcNow()));
        return true;
    }
}
