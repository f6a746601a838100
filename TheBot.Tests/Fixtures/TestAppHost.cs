using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TheBot.Tests.Fixtures;

/// <summary>
/// Boots the real distributed application in local mode (PostgreSQL and Redis as processes) with
/// throwaway data, fresh secrets and random ports, and waits until every resource is healthy.
/// </summary>
public sealed class TestAppHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(6);

    private readonly string _dataDirectory;

    private TestAppHost(DistributedApplication app, string dataDirectory, TestSecrets secrets)
    {
        App = app;
        _dataDirectory = dataDirectory;
        Secrets = secrets;
    }

    public DistributedApplication App { get; }

    /// <summary>The secrets this run generated: the bootstrap admin's credentials and the JWT key.</summary>
    public TestSecrets Secrets { get; }

    public Uri WebEndpoint => App.GetEndpoint("web", "http");

    /// <summary>Where api keeps uploaded files in local mode (<c>Storage:Root</c>).</summary>
    public string FilesDirectory => Path.Combine(_dataDirectory, "files");

    public static async Task<TestAppHost> StartAsync(
        IEnumerable<string>? extraArguments = null,
        IReadOnlyDictionary<string, string>? apiEnvironment = null,
        CancellationToken cancellationToken = default) =>
        await StartAsync(
            extraArguments,
            apiEnvironment is null ? null : new Dictionary<string, IReadOnlyDictionary<string, string>> { ["api"] = apiEnvironment },
            cancellationToken);

    /// <summary>Starts the application with extra environment variables per service (<c>api</c>, <c>realtime</c>, <c>web</c>).</summary>
    public static async Task<TestAppHost> StartAsync(
        IEnumerable<string>? extraArguments,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? serviceEnvironment,
        CancellationToken cancellationToken = default)
    {
        var secrets = new TestSecrets($"owner-{Guid.NewGuid():N}@tests.thebot.local", Secret(24) + "!aA1", Secret(64));
        var dataDirectory = Directory.CreateTempSubdirectory("thebot-tests-").FullName;
        // PostgreSQL runs as its own account and must be able to reach its folder below this one.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDirectory, (UnixFileMode)0b111_101_101);
        }
        string[] arguments =
        [
            "--infra", "local",
            "--Infrastructure:DataDirectory", dataDirectory,
            "--Infrastructure:Durable", "false",
            // No smtp4dev: fixtures that want e-mail run their own SMTP server (TestSmtpServer) and set api's Smtp settings.
            "--Infrastructure:LocalInbox", "false",
            // No generated VAPID keys: fixtures that want Web Push set api's Push settings (FakePushService).
            "--Infrastructure:DevelopmentPush", "false",
            // No Telegram stand-in: fixtures that want Telegram set api's Telegram settings (FakeTelegramBotApi).
            "--Infrastructure:TelegramStandIn", "false",
            "--Parameters:postgres-password", Secret(24),
            "--Parameters:redis-password", Secret(24),
            "--Parameters:jwt-signing-key", secrets.JwtSigningKey,
            "--Parameters:bootstrap-admin-email", secrets.AdminEmail,
            "--Parameters:bootstrap-admin-password", secrets.AdminPassword,
            .. extraArguments ?? [],
        ];

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TheBot_AppHost>(arguments, cancellationToken);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));

        foreach (var (service, environment) in serviceEnvironment ?? new Dictionary<string, IReadOnlyDictionary<string, string>>())
        {
            var project = builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == service));
            foreach (var (name, value) in environment)
            {
                project.WithEnvironment(name, value);
            }
        }

        var app = await builder.BuildAsync(cancellationToken);
        var host = new TestAppHost(app, dataDirectory, secrets);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            await app.StartAsync(timeout.Token);

            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            foreach (var resource in (string[])["postgres", "thebot", "redis", "api", "realtime", "web"])
            {
                await notifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>A client of the web front door, the way a browser reaches the platform.</summary>
    public HttpClient CreateWebClient(System.Net.CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { UseCookies = cookies is not null, CookieContainer = cookies ?? new(), AllowAutoRedirect = false })
        {
            BaseAddress = WebEndpoint,
            Timeout = TimeSpan.FromSeconds(30),
        };

    public async Task<string> GetConnectionStringAsync(string resourceName) =>
        await App.GetConnectionStringAsync(resourceName)
        ?? throw new InvalidOperationException($"No connection string for {resourceName}");

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing; the OS cleans the temp folder eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string Secret(int length) => RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}

public sealed record TestSecrets(string AdminEmail, string AdminPassword, string JwtSigningKey);
