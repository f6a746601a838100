using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TheBot.Api.Platform.RateLimiting;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Auth;

/// <summary>
/// The sign-in throttle against the run's real Redis. Checks that need many client addresses either use
/// made-up ones in process, or reach api the way web does (<see cref="FrontDoorStandIn"/>): exhausting a
/// limit through the front door would lock every other test out, since they share 127.0.0.1.
/// </summary>
public sealed class SignInThrottleTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_address_gets_its_ceiling_across_emails_then_waits_for_the_window()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await fixture.Host.GetConnectionStringAsync("redis"));
        await using var services = Throttle(redis, TimeProvider.System, new() { ["RateLimiting:SignInPerIpPerMinute"] = "3" });
        var throttle = services.GetRequiredService<SignInThrottle>();
        var address = $"203.0.113.{Random.Shared.Next(1, 250)}-{Guid.NewGuid():N}";

        for (var i = 0; i < 3; i++)
        {
            Assert.Null(await throttle.TryAttemptAsync(address, $"user{i}@example.org"));
        }

        var wait = await throttle.TryAttemptAsync(address, "user9@example.org");
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Null(await throttle.TryAttemptAsync($"{address}-other", "user9@example.org"));
    }

    [Fact]
    public async Task After_the_free_attempts_each_further_attempt_on_an_account_waits_longer_than_the_one_before()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await fixture.Host.GetConnectionStringAsync("redis"));
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var services = Throttle(redis, clock, []);
        var throttle = services.GetRequiredService<SignInThrottle>();
        var network = $"198.51.100.{Random.Shared.Next(1, 250)}-{Guid.NewGuid():N}";
        var email = $"teacher-{Guid.NewGuid():N}@example.org";

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Null(await throttle.TryAttemptAsync(network, email));
        }

        var waits = new List<TimeSpan>();
        for (var round = 0; round < 4; round++)
        {
            var wait = await throttle.TryAttemptAsync(network, email);
            Assert.True(wait is not null, $"round {round}: an attempt right after the last one was allowed");
            waits.Add(wait.Value);
            clock.Advance(wait.Value + TimeSpan.FromSeconds(1));
            Assert.Null(await throttle.TryAttemptAsync(network, email));
        }

        Assert.True(waits.Zip(waits.Skip(1)).All(pair => pair.Second > pair.First), "waits: " + string.Join(", ", waits));
        // Another network is not slowed down by this one's failures.
        Assert.Null(await throttle.TryAttemptAsync(network + "-elsewhere", email));
    }

    [Fact]
    public async Task Sign_in_attempts_from_addresses_in_one_IPv6_64_share_one_allowance()
    {
        var email = $"nobody-{Guid.NewGuid():N}@tests.thebot.local";
        var network = FrontDoorStandIn.NewIPv6Network();

        for (var host = 1; host <= 5; host++)
        {
            using var api = FrontDoorStandIn.ApiClientFor(fixture.Host, $"{network}::{host:x}");
            using var attempt = await api.PostAsJsonAsync("/api/auth/login", new { email, password = "guess-" + host }, Ct);
            await Expect.StatusAsync(HttpStatusCode.Unauthorized, attempt);
        }

        using var sameNetwork = FrontDoorStandIn.ApiClientFor(fixture.Host, $"{network}:1234:5678:9abc:def0");
        using var refused = await sameNetwork.PostAsJsonAsync("/api/auth/login", new { email, password = "guess-6" }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, refused);

        using var otherNetwork = FrontDoorStandIn.ApiClientFor(fixture.Host, $"{FrontDoorStandIn.NewIPv6Network()}::1");
        using var allowed = await otherNetwork.PostAsJsonAsync("/api/auth/login", new { email, password = "guess-7" }, Ct);
        await Expect.StatusAsync(HttpStatusCode.Unauthorized, allowed);
    }

    private static ServiceProvider Throttle(IConnectionMultiplexer redis, TimeProvider clock, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton(redis)
            .AddSingleton(clock)
            .AddLogging();
        services.AddApiRateLimiting(configuration);
        return services.BuildServiceProvider();
    }
}
