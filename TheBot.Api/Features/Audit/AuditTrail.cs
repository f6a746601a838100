using TheBot.Api.Data;

namespace TheBot.Api.Features.Audit;

/// <summary>
/// Records a change in the audit log explicitly, for what the automatic recording (<see cref="AuditedEntities"/>,
/// tracked entities saved through <c>SaveChanges</c>) does not see: set-based writes (<c>ExecuteUpdate</c>, raw SQL),
/// moderation reads, a parent's billing steps and the steps TheBot takes by itself (<see cref="RecordSystem"/>). The row
/// is added to the scope's <see cref="TheBotDbContext"/> and written by its next <c>SaveChanges</c> — the one that saves
/// the change — so a change that fails leaves no row:
/// <code>
/// audit.Record("price", price.Id, price.Label, "update", AuditFieldChange.Of("amount", before, price.Amount));
/// await db.SaveChangesAsync(ct);
/// </code>
/// For a set-based write, open a transaction, write, <c>Record</c>, <c>SaveChangesAsync</c>, commit.
/// </summary>
public sealed class AuditTrail(TheBotDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Adds the row as the signed-in caller (nothing happens outside a signed-in request); returns whether a row was added.</summary>
    public bool Record(string entityType, Guid entityId, string label, string action, params IReadOnlyList<AuditFieldChange> changes)
    {
        Check(entityType, label, action, changes);
        if (AuditActor.Of(http.HttpContext) is not { } actor)
        {
            return false;
        }

        Add(actor, entityType, entityId, label, action, changes);
        return true;
    }

    /// <summary>Adds the row as TheBot itself (<see cref="AuditActor.System"/>): a job's or a payment notification's step.</summary>
    public void RecordSystem(string entityType, Guid entityId, string label, string action, params IReadOnlyList<AuditFieldChange> changes)
    {
        Check(entityType, label, action, changes);
        Add(AuditActor.System, entityType, entityId, label, action, changes);
    }

    /// <summary>Adds the row as the signed-in caller, or as TheBot itself outside a signed-in request (code both a request and a job run).</summary>
    public void RecordAsCallerOrSystem(string entityType, Guid entityId, string label, string action, params IReadOnlyList<AuditFieldChange> changes)
    {
        Check(entityType, label, action, changes);
        Add(AuditActor.Of(http.HttpContext) ?? AuditActor.System, entityType, entityId, label, action, changes);
    }

    private void Add(AuditActor actor, string entityType, Guid entityId, string label, string action, IReadOnlyList<AuditFieldChange> changes) =>
        db.AuditEntries.Add(actor.Entry(entityType, entityId, label, action, changes, clock.GetUtcNow()));

    private static void Check(string entityType, string label, string action, IReadOnlyList<AuditFieldChange> changes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(changes);
    }
}
