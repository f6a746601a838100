using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StackExchange.Redis;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Auth;

public sealed class ChangePasswordTests(TheBotAppFixture fixture)
{
    /// <summary>Where api tells its replicas and realtime that sessions ended ("s:&lt;session id&gt;") or a user changed ("u:&lt;user id&gt;").</summary>
    private const string AccessChangedChannel = "thebot:auth:access-changed";

    private const string NewPassword = "Another-Good-Passphrase-7";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Wrong_current_passwords_are_counted_per_user_and_then_the_next_attempt_gets_429_with_Retry_After()
    {
        var user = await fixture.People.CreateAsync("student");
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await user.Client.PostAsJsonAsync("/api/auth/change-password",
                new { currentPassword = "guess-" + attempt, newPassword = NewPassword }, Ct);
            var problem = await Expect.ProblemAsync(HttpStatusCode.BadRequest, wrong);
            Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _), problem.ToString());
        }

        using var refused = await user.Client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = user.Password, newPassword = NewPassword }, Ct);

        await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, refused);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(15));
        // Nothing changed: the old password still signs in.
        Assert.Equal(user.Id, (await fixture.People.SignInAsync(user.Email, user.Password)).Id);
        // The count is the user's own: someone else changes theirs at once.
        var other = await fixture.People.CreateAsync("student");
        using var othersChange = await other.Client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = other.Password, newPassword = NewPassword }, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, othersChange);
    }

    [Fact]
    public async Task A_password_change_signals_the_end_of_each_other_session_but_not_of_the_one_that_proved_the_old_password()
    {
        var here = await fixture.People.CreateAsync("teacher");
        var phone = await fixture.People.SignInAsync(here.Email, here.Password);
        var laptop = await fixture.People.SignInAsync(here.Email, here.Password);
        var hereSession = await CurrentSessionAsync(here);
        var phoneSession = await CurrentSessionAsync(phone);
        var laptopSession = await CurrentSessionAsync(laptop);
        string[] about = [$"s:{hereSession:N}", $"s:{phoneSession:N}", $"s:{laptopSession:N}", $"u:{here.Id:N}"];

        await using var redis = await ConnectionMultiplexer.ConnectAsync(await fixture.Host.GetConnectionStringAsync("redis"));
        var sentinel = $"test-sentinel:{Guid.NewGuid():N}";
        var channel = RedisChannel.Literal(AccessChangedChannel);
        // A message queue, not a handler: handlers may run concurrently, so the sentinel's could finish before earlier ones.
        var queue = await redis.GetSubscriber().SubscribeAsync(channel);

        using var change = await here.Client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = here.Password, newPassword = NewPassword }, Ct);
        await Expect.StatusAsync(HttpStatusCode.NoContent, change);
        // api published before answering; a message sent after the answer arrives after its messages.
        await redis.GetSubscriber().PublishAsync(channel, sentinel);
        var seen = new List<string>();
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            for (var text = (string?)(await queue.ReadAsync(timeout.Token)).Message; text != sentinel; text = (string?)(await queue.ReadAsync(timeout.Token)).Message)
            {
                if (text is not null && about.Contains(text))
                {
                    seen.Add(text);
                }
            }
        }

        await queue.UnsubscribeAsync();
        Assert.Equal(new[] { $"s:{laptopSession:N}", $"s:{phoneSession:N}" }.Order(StringComparer.Ordinal), seen.Distinct().Order(StringComparer.Ordinal));
        using var hereCall = await here.Client.GetAsync("/api/auth/me", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, hereCall);
    }

    private static async Task<Guid> CurrentSessionAsync(SignedIn device)
    {
        var sessions = await device.Client.GetFromJsonAsync<JsonElement>("/api/auth/sessions", Ct);
        return sessions.EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
    }
}
