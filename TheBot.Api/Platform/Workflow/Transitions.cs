namespace TheBot.Api.Platform.Workflow;

/// <summary>
/// The moves a status may make, declared once at the top of a feature's workflow:
/// <c>new Transitions&lt;LessonStatus&gt;().Allow(Confirmed, from: Pending).Allow(Cancelled, from: [Pending, Confirmed])</c>.
/// </summary>
public sealed class Transitions<TStatus> where TStatus : struct, Enum
{
    private readonly HashSet<(TStatus From, TStatus To)> _allowed = [];

    public Transitions<TStatus> Allow(TStatus to, params ReadOnlySpan<TStatus> from)
    {
        foreach (var status in from)
        {
            _allowed.Add((status, to));
        }

        return this;
    }

    public bool Permits(TStatus from, TStatus to) => _allowed.Contains((from, to));
}
