using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TheBot.Api;
using TheBot.Api.Data;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// The api's own service registrations (<c>AddApiServices</c>, with its appsettings.json, as its Program.cs makes
/// them) built in this process — but never started: no listener, no jobs. For what the shared app's configuration
/// cannot show without booting another app: another environment, a switch turned on, the options api would run
/// with, or a look inside what a request does. Connection strings point at a running test host's PostgreSQL and
/// Redis when one is given.
/// </summary>
public sealed class InProcessApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessApi(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
    }

    public IServiceProvider Services => _app.Services;

    /// <summary>What the api's services logged.</summary>
    public CapturedLogs Logs { get; }

    /// <param name="host">The run whose PostgreSQL, Redis and JWT key to use; none for checks that never connect.</param>
    /// <param name="environment">The hosting environment (Production unless a test says otherwise).</param>
    /// <param name="settings">Settings as environment variables name them (<c>Section__Key</c>) or as configuration keys.</param>
    /// <param name="replace">Changes to the registrations, e.g. a recording stand-in for a service.</param>
    /// <param name="serviceDefaults">Also what <c>AddServiceDefaults</c> registers first, as Program.cs does (telemetry, health, discovery).</param>
    public static async Task<InProcessApi> BuildAsync(
        TestAppHost? host = null,
        string? environment = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? replace = null,
        bool serviceDefaults = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = Path.Combine(RepositoryRoot.Find(), "TheBot.Api"),
            EnvironmentName = environment ?? Environments.Production,
        });
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:thebot"] = host is null ? "Host=localhost;Database=unused" : await host.GetConnectionStringAsync("thebot"),
            ["ConnectionStrings:redis"] = host is null ? "localhost:1,abortConnect=false" : await host.GetConnectionStringAsync("redis"),
            ["Jwt:SigningKey"] = host?.Secrets.JwtSigningKey ?? new string('k', 64),
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
        {
            // As the host reads environment variables: '__' separates sections, ASPNETCORE_ variables also count without the prefix.
            var key = name.Replace("__", ":", StringComparison.Ordinal);
            configuration[key] = value;
            if (key.StartsWith("ASPNETCORE_", StringComparison.Ordinal))
            {
                configuration[key["ASPNETCORE_".Length..]] = value;
            }
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        if (serviceDefaults)
        {
            builder.AddServiceDefaults();
        }

        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.AddApiServices();
        replace?.Invoke(builder.Services);
        return new InProcessApi(builder.Build(), logs);
    }

    /// <summary>Runs one of the api's hosted services' start, as the host would at startup.</summary>
    public async Task StartHostedServiceAsync<T>(CancellationToken cancellationToken)
        where T : IHostedService =>
        await _app.Services.GetServices<IHostedService>().OfType<T>().Single().StartAsync(cancellationToken);

    /// <summary>Prepares the database as api does before it serves: migrations, bootstrap admin, demo data.</summary>
    public async Task<bool> MigrateDatabaseAsync(CancellationToken cancellationToken) => await _app.MigrateDatabaseAsync(cancellationToken);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>Log entries kept in memory: level, category and the formatted message.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public IReadOnlyList<CapturedLog> From<TCategory>() =>
        [.. _entries.Where(e => e.Category == typeof(TCategory).FullName)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new CapturedLog(logLevel, category, formatter(state, exception)));
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, string Message);
