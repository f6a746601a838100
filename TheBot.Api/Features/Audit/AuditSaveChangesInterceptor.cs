using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Audit;

/// <summary>
/// Adds an <see cref="AuditEntry"/> for every change of an <see cref="AuditedEntities"/> entity that a member of
/// staff (admin, tutor, teacher) saves in a request, inside the same <c>SaveChanges</c> — one transaction, so the
/// change and its record are written together or not at all. When the save fails, the rows it added (and any
/// <see cref="AuditTrail.Record"/>ed ones waiting for it) are dropped, so a later save cannot write them.
/// Set-based writes (ExecuteUpdate, raw SQL) are not seen here: those call <see cref="AuditTrail"/>.
/// </summary>
public sealed class AuditSaveChangesInterceptor(IHttpContextAccessor http, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>One for every context: the request is read from the ambient <see cref="HttpContext"/>.</summary>
    public static readonly AuditSaveChangesInterceptor Instance = new(new HttpContextAccessor(), TimeProvider.System);

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is TheBotDbContext db && AuditActor.Of(http.HttpContext) is { IsStaff: true } actor)
        {
            await AddEntriesAsync(db, actor, lookups: true, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is TheBotDbContext db && AuditActor.Of(http.HttpContext) is { IsStaff: true } actor)
        {
            // Synchronous: no look-ups, so every label comes from the entity itself and the task is already complete.
#pragma warning disable VSTHRD002, CA2012
            AddEntriesAsync(db, actor, lookups: false, CancellationToken.None).GetAwaiter().GetResult();
#pragma warning restore VSTHRD002, CA2012
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        DropUnsaved(eventData.Context);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        DropUnsaved(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        DropUnsaved(eventData.Context);
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        DropUnsaved(eventData.Context);
        return Task.CompletedTask;
    }

    private static void DropUnsaved(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task AddEntriesAsync(TheBotDbContext db, AuditActor actor, bool lookups, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Entry: e, Rule: AuditedEntities.For(e.Metadata.ClrType)))
            .Where(p => p.Rule is not null)
            .ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var at = clock.GetUtcNow();
        var rows = new Dictionary<(string Type, Guid Id), AuditEntry>();
        var partChanges = new List<(string Type, Guid Id, AuditedEntity Rule, EntityEntry Entry, List<AuditFieldChange> Changes)>();
        foreach (var (entry, rule) in changed)
        {
            var changes = ChangesOf(entry, rule!);
            if (rule!.Action(entry, actor, changes) is not { } action)
            {
                continue;
            }

            var key = (rule.EntityType, rule.Id(entry));
            if (rule.IsPart)
            {
                partChanges.Add((key.EntityType, key.Item2, rule, entry, changes));
                continue;
            }

            var label = await rule.Label(entry, lookups ? db : null, ct);
            rows[key] = actor.Entry(rule.EntityType, key.Item2, label, action, changes, at);
        }

        // A profile's changes join its user's row of the same save, or make an "update" of that user.
        foreach (var (type, id, rule, entry, changes) in partChanges)
        {
            if (rows.TryGetValue((type, id), out var row))
            {
                var merged = AuditFieldChange.Parse(row.Changes).Concat(changes).ToList();
                row.Changes = AuditFieldChange.Format(merged);
            }
            else if (changes.Count > 0)
            {
                rows[(type, id)] = actor.Entry(type, id, await rule.Label(entry, lookups ? db : null, ct), "update", changes, at);
            }
        }

        db.AuditEntries.AddRange(rows.Values);
    }

    private static List<AuditFieldChange> ChangesOf(EntityEntry entry, AuditedEntity rule)
    {
        var changes = new List<AuditFieldChange>();
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (!rule.Counts(name) || property.Metadata.IsShadowProperty())
            {
                continue;
            }

            var before = entry.State == EntityState.Added ? null : property.OriginalValue;
            var after = entry.State == EntityState.Deleted ? null : property.CurrentValue;
            if (Equals(before, after) || (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }

            var field = (rule.FieldPrefix ?? "") + AuditFieldChange.FieldName(name);
            // A secret shows only that it was there: a changed one was there before too (a password reset removes the old
            // one in a first save, which records nothing, and adds the new one in a second).
            changes.Add(rule.Secrets.Contains(name)
                ? new AuditFieldChange(field,
                    before is null && entry.State != EntityState.Modified ? null : AuditFieldChange.Hidden,
                    after is null ? null : AuditFieldChange.Hidden)
                : AuditFieldChange.Of(field, before, after));
        }

        return changes;
    }
}
