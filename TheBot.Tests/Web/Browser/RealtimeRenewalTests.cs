using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// The hub closes a socket when its access token expires. The page renews its socket whenever the session
/// renews the token, before the old one expires: the person sees no "reconnecting", and a message sent
/// while no socket is open arrives through the catch-up.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RealtimeRenewalTests(TheBotAppFixture app, BrowserFixture browser)
{
    /// <summary>
    /// The shared app issues 15-minute tokens; here every token the page receives lives 20 s (the same claims,
    /// re-signed), so the page renews it after 10 s and the hub would close a socket still using an old one.
    /// </summary>
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(20);

    /// <summary>Records every state the realtime indicator shows, from the page's first paint.</summary>
    private const string RecordRealtimeStates = """
        window.__realtimeStates = [];
        new MutationObserver(() => {
          const indicator = document.querySelector('.realtime');
          const states = window.__realtimeStates;
          if (indicator && states[states.length - 1] !== indicator.className) {
            states.push(indicator.className);
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
        """;

    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };

    [Fact]
    public async Task The_page_renews_its_socket_with_each_renewed_token_without_showing_a_reconnect_or_losing_a_message()
    {
        var admin = await app.People.CreateAsync("admin");
        var student = await app.People.CreateAsync("student");
        var roomId = await Chatting.StartRoomAsync(admin, student.Id);

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await session.Context.RouteAsync("**/api/auth/login", ShortenTokenAsync);
        await session.Context.RouteAsync("**/api/auth/refresh", ShortenTokenAsync);
        var sockets = Channel.CreateUnbounded<IWebSocket>();
        page.WebSocket += (_, socket) =>
        {
            if (socket.Url.Contains("/hubs/realtime", StringComparison.Ordinal))
            {
                sockets.Writer.TryWrite(socket);
            }
        };
        await page.AddInitScriptAsync(RecordRealtimeStates);

        await BrowserSignIn.SignInAsync(page, student.Email, student.Password);
        await page.GotoAsync($"/chat/{roomId}");
        await Expect(page.Locator(".realtime--connected")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await PostAndSeeAsync(admin, roomId, page, "Before the token is renewed");

        // Twice: the page closes its socket when it renews the token; a message sent right then, with no
        // socket open, still shows up, and so does one sent once the new socket is in.
        var current = await NextSocketAsync(sockets);
        while (sockets.Reader.TryRead(out var later))
        {
            current = later; // the sign-in page's socket closed when this page loaded
        }

        for (var renewal = 1; renewal <= 2; renewal++)
        {
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            current.Close += (_, _) => closed.TrySetResult();
            if (current.IsClosed)
            {
                closed.TrySetResult();
            }

            await closed.Task.WaitAsync(TokenLifetime * 2, TestContext.Current.CancellationToken);
            await PostAndSeeAsync(admin, roomId, page, $"Sent during renewal {renewal}");
            current = await NextSocketAsync(sockets);
            await Expect(page.Locator(".realtime--connected")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await PostAndSeeAsync(admin, roomId, page, $"Sent after renewal {renewal}");
        }

        var states = await page.EvaluateAsync<string[]>("window.__realtimeStates");
        Assert.DoesNotContain(states, s => s.Contains("realtime--reconnecting", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator(".message").Filter(new() { HasText = "Sent during renewal 1" }).CountAsync());
        session.AssertNoPageProblems();
    }

    private async Task ShortenTokenAsync(IRoute route)
    {
        var response = await route.FetchAsync();
        if (response.Status != 200)
        {
            await route.FulfillAsync(new RouteFulfillOptions { Response = response });
            return;
        }

        var body = JsonNode.Parse(await response.TextAsync())!.AsObject();
        var token = body["accessToken"]!.GetValue<string>();
        body["accessToken"] = AccessTokens.Reissue(app.Host, token, TokenLifetime);
        body["expiresAt"] = (DateTimeOffset.UtcNow + TokenLifetime).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await route.FulfillAsync(new RouteFulfillOptions { Response = response, Body = body.ToJsonString(new JsonSerializerOptions()) });
    }

    /// <summary>The page's next socket to the hub (waits for it to open).</summary>
    private static Task<IWebSocket> NextSocketAsync(Channel<IWebSocket> sockets) =>
        sockets.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TokenLifetime * 2);

    private static async Task PostAndSeeAsync(SignedIn author, Guid roomId, IPage page, string text)
    {
        await Chatting.PostAsync(author, roomId, text);
        await Expect(page.Locator(".message").Filter(new() { HasText = text })).ToBeVisibleAsync(Live);
    }
}
