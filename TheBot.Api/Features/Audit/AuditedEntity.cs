using Microsoft.EntityFrameworkCore.ChangeTracking;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Audit;

/// <summary>
/// How the automatic recording sees one tracked entity type: the audited thing it belongs to (its type and id —
/// a student's profile belongs to the user), a readable label, the action a change amounts to (null: nothing to
/// record), which properties count and which are secrets (recorded as changed, never with their values).
/// </summary>
public sealed class AuditedEntity
{
    public required Type ClrType { get; init; }

    public required string EntityType { get; init; }

    public required Func<EntityEntry, Guid> Id { get; init; }

    /// <summary>The label; the database is given for a look-up (AsNoTracking only), or null when none may run (a synchronous save).</summary>
    public required Func<EntityEntry, TheBotDbContext?, CancellationToken, Task<string>> Label { get; init; }

    /// <summary>The action of a change with these field changes, or null when the change is not one to record.</summary>
    public required Func<EntityEntry, AuditActor, IReadOnlyList<AuditFieldChange>, string?> Action { get; init; }

    /// <summary>Properties (CLR names) left out: keys, timestamps, concurrency tokens, internals.</summary>
    public IReadOnlySet<string> Ignored { get; init; } = new HashSet<string>();

    /// <summary>When set, only these properties count.</summary>
    public IReadOnlySet<string>? Only { get; init; }

    public IReadOnlySet<string> Secrets { get; init; } = new HashSet<string>();

    /// <summary>Field names are prefixed with this (<c>studentProfile.</c>) when the entity is a part of the audited thing.</summary>
    public string? FieldPrefix { get; init; }

    /// <summary>True for the part of a thing (a profile): its row merges into the thing's own row of the same save.</summary>
    public bool IsPart => FieldPrefix is not null;

    public bool Counts(string property) => !Ignored.Contains(property) && (Only is null || Only.Contains(property));
}
