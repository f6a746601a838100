using TheBot.Tests.Fixtures;

[assembly: AssemblyFixture(typeof(TheBotAppFixture))]

namespace TheBot.Tests.Fixtures;

/// <summary>The one distributed application every integration test of a run shares.</summary>
public sealed class TheBotAppFixture : IAsyncLifetime
{
    /// <summary>
    /// The suite signs in many people from one address (127.0.0.1), so the per-IP sign-in ceiling is
    /// lifted for the shared app; the per-(IP, email) limit keeps its production value of 5. So are the
    /// applications' and the payment webhook's per-address limits (ProductionAppFixture keeps the webhook's).
    /// </summary>
    private static readonly Dictionary<string, string> ApiEnvironment = new()
    {
        ["RateLimiting__SignInPerIpPerMinute"] = "100000",
        ["RateLimiting__ApplicationsPerIpPerHour"] = "100000",
        ["Payments__Webhook__PerAddressPerMinute"] = "100000",

        // X-Sql-Commands on every response, so list endpoints can be shown to cost a fixed number of queries.
        ["Diagnostics__SqlCommandCountHeader"] = "true",

        // A quota a test can fill with a few uploads (production: 1 GiB per user).
        ["Storage__QuotaPerUserBytes"] = StorageQuotaBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),

        // Weekly reports are "late" from Monday, so the reminders job has work on any day a test runs it.
        ["WeeklyReports__TeacherReminderDay"] = "Monday",
        ["WeeklyReports__TutorReminderDay"] = "Monday",
    };

    /// <summary>Each user's storage quota in the shared app: 10 MiB.</summary>
    public const long StorageQuotaBytes = 10L * 1024 * 1024;

    private TestAppHost? _host;
    private People? _people;
    private FakeTelegramBotApi? _telegram;

    /// <summary>The SMTP server the api's e-mail channel sends to (started before the app).</summary>
    public TestSmtpServer Smtp { get; } = new();

    /// <summary>The push service the api's Web Push channel sends to, with its subscribed browsers (started before the app).</summary>
    public FakePushService Push { get; } = new();

    /// <summary>The Bot API the api's Telegram bot talks to (started before the app).</summary>
    public FakeTelegramBotApi Telegram => _telegram ?? throw new InvalidOperationException("The application has not started.");

    public TestAppHost Host => _host ?? throw new InvalidOperationException("The application has not started.");

    /// <summary>Creates users through the API and signs them in.</summary>
    public People People => _people ??= new People(Host);

    /// <summary>Creates subjects, families and enrollments through the API.</summary>
    public Learning Learning => new(People);

    /// <summary>Creates invoices through the API.</summary>
    public Billing Billing => new(Host, Learning);

    public async ValueTask InitializeAsync()
    {
        Smtp.Start();
        await Push.StartAsync();
        var environment = new Dictionary<string, string>(ApiEnvironment);
        _telegram = await FakeTelegramBotApi.StartAsync();
        foreach (var (name, value) in Smtp.ApiSettings().Concat(Push.ApiSettings()).Concat(_telegram.ApiSettings()))
        {
            environment[name] = value;
        }

        _host = await TestAppHost.StartAsync(apiEnvironment: environment);
    }

    public async ValueTask DisposeAsync()
    {
        _people?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        await Push.DisposeAsync();
        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }
    }
}
