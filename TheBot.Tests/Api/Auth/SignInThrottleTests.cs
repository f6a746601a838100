using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TheBot.Api.Platform.RateLimiting;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Auth;

/// <summary>
/// The per-address ceiling, checked against the run's real Redis with its own (made-up) addresses:
/// exhausting it through the front door would lock every other test out, since they share 127.0.0.1.
/// </summary>
public sealed class SignInThrottleTests(TheBotAppFixture fixture)
{
    [Fact]
    public async Task One_address_gets_its_ceiling_across_emails_then_waits_for_the_window()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(await fixture.Host.GetConnectionStringAsync("redis"));
        var throttle = new SignInThrottle(
            new RedisWindowCounter(redis, TimeProvider.System, NullLogger<RedisWindowCounter>.Instance),
            new StaticOptions(new RateLimitingOptions { SignInPerIpPerMinute = 3, SignInPerEmailPerMinute = 5 }));
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

    private sealed class StaticOptions(RateLimitingOptions value) : IOptionsMonitor<RateLimitingOptions>
    {
        public RateLimitingOptions CurrentValue => value;

        public RateLimitingOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RateLimitingOptions, string?> listener) => null;
    }
}
