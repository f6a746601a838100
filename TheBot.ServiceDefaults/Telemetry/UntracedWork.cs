using System.Diagnostics;

namespace TheBot.ServiceDefaults.Telemetry;

/// <summary>
/// Background work that runs often and mostly finds nothing to do (a scheduler's polling) would leave a parentless
/// span for each of its queries and fill the trace list. Inside <see cref="Begin"/> the current activity is an
/// unsampled one, so instrumentations (Npgsql's commands) record nothing under the parent-based sampler; logs and
/// metrics are untouched. Work worth seeing starts its own named root span after the scope ends.
/// </summary>
public static class UntracedWork
{
    public static IDisposable Begin(string name)
    {
        var previous = Activity.Current;
        Activity.Current = null;
        var activity = new Activity(name).SetIdFormat(ActivityIdFormat.W3C).Start();
        activity.ActivityTraceFlags = ActivityTraceFlags.None;
        return new Scope(activity, previous);
    }

    private sealed class Scope(Activity activity, Activity? previous) : IDisposable
    {
        public void Dispose()
        {
            activity.Stop();
            Activity.Current = previous;
        }
    }
}
