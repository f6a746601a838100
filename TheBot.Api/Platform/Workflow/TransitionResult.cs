using Microsoft.AspNetCore.Http.HttpResults;
using TheBot.Api.Platform.Errors;

namespace TheBot.Api.Platform.Workflow;

public enum TransitionOutcome
{
    /// <summary>The status moved (and the change is in the history).</summary>
    Changed,

    /// <summary>Nothing to do: the entity is already where the request would take it (repeating is harmless).</summary>
    Unchanged,

    /// <summary>The current status does not allow the move: 409.</summary>
    NotAllowed,

    /// <summary>The status allows it but a rule does not (too late to cancel, not started yet): 422.</summary>
    Refused,
}

/// <summary>What a workflow step did. Handlers turn a failure into its problem with <see cref="Problem"/>.</summary>
public sealed record TransitionResult(TransitionOutcome Outcome, string? Error)
{
    public static readonly TransitionResult Changed = new(TransitionOutcome.Changed, null);

    public static readonly TransitionResult Unchanged = new(TransitionOutcome.Unchanged, null);

    public bool Succeeded => Outcome is TransitionOutcome.Changed or TransitionOutcome.Unchanged;

    public bool StatusChanged => Outcome == TransitionOutcome.Changed;

    public static TransitionResult NotAllowed(string error) => new(TransitionOutcome.NotAllowed, error);

    public static TransitionResult Refused(string error) => new(TransitionOutcome.Refused, error);

    /// <summary>409 or 422 with the reason; null when the step succeeded.</summary>
    public ProblemHttpResult? Problem() => Outcome switch
    {
        TransitionOutcome.NotAllowed => ApiProblems.Conflict(Error!),
        TransitionOutcome.Refused => ApiProblems.Unprocessable(Error!),
        _ => null,
    };
}
