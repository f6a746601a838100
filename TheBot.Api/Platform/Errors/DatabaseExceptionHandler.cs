using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TheBot.Api.Platform.Errors;

/// <summary>
/// The safety net for rules the database enforces: a unique or exclusion violation that a feature did
/// not translate itself becomes 409, a check violation 422, a value the database cannot store (class 22: a NUL
/// character in text, a string or number out of range) 422, an unreachable database 503 — never a 500.
/// </summary>
public sealed partial class DatabaseExceptionHandler(IProblemDetailsService problemDetails, ILogger<DatabaseExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);

        var (status, title) = exception switch
        {
            DbUpdateConcurrencyException => (StatusCodes.Status409Conflict, "The resource was changed by someone else; reload and retry."),
            DbUpdateException { InnerException: PostgresException pg } => Classify(pg),
            PostgresException pg => Classify(pg),
            NpgsqlException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly."),
            InvalidOperationException { InnerException: NpgsqlException } => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly."),
            _ => (0, string.Empty),
        };

        if (status == 0)
        {
            return false;
        }

        LogDatabaseProblem(exception, status);
        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title },
        });
    }

    private static (int Status, string Title) Classify(PostgresException pg) => pg.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation => (StatusCodes.Status409Conflict, "This conflicts with existing data."),
        PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation => (StatusCodes.Status422UnprocessableEntity, "The request breaks a data rule."),
        _ when pg.SqlState.StartsWith("22", StringComparison.Ordinal) => (StatusCodes.Status422UnprocessableEntity, "The request holds a value that cannot be stored."),
        _ when pg.IsTransient => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly."),
        _ => (0, string.Empty),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database rule or availability problem answered with {Status}")]
    private partial void LogDatabaseProblem(Exception exception, int status);
}
