namespace TheBot.Tests.Fixtures;

/// <summary>
/// A second application in another shape than the shared one: Redis served by Garnet (as on a machine
/// without redis-server) two api replicas whose job schedulers poll every second, and two realtime replicas. Tests of the
/// fallback, of work that must happen once across replicas and of realtime fan-out and presence
/// across replicas share it.
/// </summary>
public sealed class ScaleOutAppFixture : IAsyncLifetime
{
    public const string Collection = "scale-out";

    /// <summary>Due every two seconds here, so that both replicas race for many occurrences.</summary>
    public const string FrequentJob = "mark-overdue-invoices";

    /// <summary>Subscriptions' renewals, raced for by both replicas as often as <see cref="FrequentJob"/>.</summary>
    public const string RenewalJob = "renew-subscriptions";

    private TestAppHost? _host;
    private People? _people;
    private FakeTelegramBotApi? _telegram;

    /// <summary>The SMTP server both api replicas send e-mail to.</summary>
    public TestSmtpServer Smtp { get; } = new();

    /// <summary>The Bot API both api replicas' Telegram bot talks to.</summary>
    public FakeTelegramBotApi Telegram => _telegram ?? throw new InvalidOperationException("The application has not started.");

    public TestAppHost Host => _host ?? throw new InvalidOperationException("The application has not started.");

    public People People => _people ??= new People(Host);

    public Billing Billing => new(Host, new Learning(People));

    public Learning Learning => new(People);

    public async ValueTask InitializeAsync()
    {
        Smtp.Start();
        _telegram = await FakeTelegramBotApi.StartAsync();
        var environment = new Dictionary<string, string>(Smtp.ApiSettings().Concat(_telegram.ApiSettings()))
        {
            ["Jobs__PollInterval"] = "00:00:01",
            [$"Jobs__Intervals__{FrequentJob}"] = "00:00:02",
            [$"Jobs__Intervals__{RenewalJob}"] = "00:00:02",
            ["RateLimiting__SignInPerIpPerMinute"] = "100000",
            // Both replicas poll the outbox often: they race for every delivery.
            ["Deliveries__PollInterval"] = "00:00:00.200",
        };
        _host = await TestAppHost.StartAsync(["--Infrastructure:Redis", "garnet", "--Api:Replicas", "2", "--Realtime:Replicas", "2"], environment);
    }

    public async ValueTask DisposeAsync()
    {
        _people?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        if (_telegram is not null)
        {
            await _telegram.DisposeAsync();
        }
    }
}

[CollectionDefinition(ScaleOutAppFixture.Collection)]
public sealed class ScaleOutGroup : ICollectionFixture<ScaleOutAppFixture>;
