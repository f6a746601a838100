using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Realtime;

public sealed class RealtimeHubTests(TheBotAppFixture fixture)
{
    [Fact]
    public Task An_event_published_on_redis_reaches_a_client_connected_through_the_front_door() =>
        RealtimeProbe.AssertEventRoundTripAsync(fixture.Host, TestContext.Current.CancellationToken);
}
