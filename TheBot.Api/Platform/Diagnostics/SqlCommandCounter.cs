using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TheBot.Api.Platform.Diagnostics;

/// <summary>
/// Counts the SQL commands EF Core sends on behalf of the current request, so tests can prove a
/// list costs the same number of queries whatever its length (no N+1). The count is published as
/// <c>X-Sql-Commands</c> only when <c>Diagnostics:SqlCommandCountHeader</c> is true (tests).
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    public const string HeaderName = "X-Sql-Commands";
    public const string EnabledSetting = "Diagnostics:SqlCommandCountHeader";

    private static readonly AsyncLocal<Tally?> Current = new();

    public static SqlCommandCounter Instance { get; } = new();

    /// <summary>Starts counting for the current asynchronous flow (a request).</summary>
    public static Tally Begin() => Current.Value = new Tally();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    /// <summary>The current request's tally, for work done on its behalf elsewhere (a batch shared by several requests).</summary>
    public static Tally? CurrentTally => Current.Value;

    /// <summary>Counts one command for the request of <paramref name="tally"/> (sent outside its asynchronous flow).</summary>
    public static void CountFor(Tally? tally)
    {
        if (tally is not null)
        {
            Interlocked.Increment(ref tally.Commands);
        }
    }

    private static void Count() => CountFor(Current.Value);

    public sealed class Tally
    {
#pragma warning disable CA1051 // A field, so that Interlocked can increment it.
        public int Commands;
#pragma warning restore CA1051
    }
}

public static class SqlCommandCountingExtensions
{
    /// <summary>When enabled by configuration, answers every request with the number of SQL commands it cost.</summary>
    public static WebApplication UseSqlCommandCountHeader(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>(SqlCommandCounter.EnabledSetting))
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            var tally = SqlCommandCounter.Begin();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[SqlCommandCounter.HeaderName] = Volatile.Read(ref tally.Commands).ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}
