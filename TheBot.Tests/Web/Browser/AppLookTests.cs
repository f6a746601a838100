using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Issue #20, the look of the product: the phone layout (one-row header, the user's menu behind the avatar, a bottom
/// bar with More, 44 px targets), avatars with initials, the dark theme (system setting) with no accessibility
/// violations, and the installable app (manifest, icons, a service worker that keeps only the app shell).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class AppLookTests(TheBotAppFixture app, BrowserFixture browser)
{
    private const int MinimumTarget = 44;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task On_a_phone_the_header_is_one_row_the_bottom_bar_and_more_navigate_and_every_target_is_44px()
    {
        var student = await app.People.CreateAsync("student", "Анна");
        var fullName = await LessonSchedulingTests.FullNameAsync(student);
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint, width: 390, height: 844);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, student.Email, student.Password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();

        // One row: the header is no taller than one target plus its padding, and nothing scrolls sideways.
        var header = await page.Locator(".shell__header").BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("No header.");
        Assert.True(header.Height <= 64, $"The phone header is {header.Height}px tall: more than one row.");
        Assert.Equal(0, await page.EvaluateAsync<int>("() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"));

        // The avatar shows the person's initials and opens the menu with the profile and signing out.
        var avatar = page.Locator(".user-menu__button .avatar");
        await Expect(avatar).ToHaveTextAsync(InitialsOf(fullName));
        var account = page.GetByRole(AriaRole.Button, new() { Name = fullName });
        await Expect(account).ToHaveAttributeAsync("aria-expanded", "false");
        await account.ClickAsync();
        await Expect(account).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.Locator(".user-menu__panel").GetByRole(AriaRole.Link, new() { Name = "Profile" })).ToBeVisibleAsync();
        await Expect(page.Locator(".user-menu__panel").GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "look-phone-user-menu");
        await AssertTargetsAsync(page, ".shell__header a, .shell__header button, .user-menu__panel a, .user-menu__panel button");
        await page.Keyboard.PressAsync("Escape");
        await Expect(account).ToHaveAttributeAsync("aria-expanded", "false");

        // The bottom bar: the role's first four pages and More.
        var bottomBar = page.GetByRole(AriaRole.Navigation, new() { Name = "Main pages" });
        await Expect(bottomBar.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Dashboard", "Schedule", "Chat", "Assignments"]);
        var bar = await bottomBar.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("No bottom bar.");
        Assert.True(bar.Y + bar.Height >= 844 - 1 && bar.Width >= 389, $"The bottom bar is at {bar.Y}..{bar.Y + bar.Height}, {bar.Width}px wide.");
        await AssertTargetsAsync(page, ".bottom-nav a, .bottom-nav button");
        await Screenshots.SaveAsync(page, "look-phone-dashboard");

        await bottomBar.GetByRole(AriaRole.Link, new() { Name = "Schedule" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/schedule$"));
        await Expect(bottomBar.GetByRole(AriaRole.Link, new() { Name = "Schedule" })).ToHaveAttributeAsync("aria-current", "page");

        // More opens every page of the role as a sheet; a tap on one follows it and closes the sheet.
        var more = bottomBar.GetByRole(AriaRole.Button, new() { Name = "More" });
        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
        await Expect(navigation).ToBeHiddenAsync();
        await more.ClickAsync();
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(navigation).ToBeVisibleAsync();
        await AssertTargetsAsync(page, "#main-nav a");
        await Screenshots.SaveAsync(page, "look-phone-more");
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Progress", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/progress$"));
        await Expect(navigation).ToBeHiddenAsync();
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "false");

        // Nothing on the page hides under the bottom bar: scrolled to its end, the page's last element is clear of it.
        // (The progress page grows as its data arrives, so this scrolls again until the page has stopped growing.)
        const string LastElementClearOfBar = """
            () => {
              window.scrollTo(0, document.documentElement.scrollHeight);
              const last = document.querySelector('main')?.lastElementChild;
              const bar = document.querySelector('.bottom-nav');
              if (!last || !bar) return false;
              window.__lookCheck = { last: last.getBoundingClientRect().bottom, bar: bar.getBoundingClientRect().top };
              return window.__lookCheck.last <= window.__lookCheck.bar + 1;
            }
            """;
        try
        {
            await page.WaitForFunctionAsync(LastElementClearOfBar, null, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            var check = await page.EvaluateAsync<string>("() => JSON.stringify(window.__lookCheck)");
            Assert.Fail($"Scrolled to the end, the page's last element stays under the bottom bar: {check}.");
        }

        // Sign out from the avatar's menu.
        await account.ClickAsync();
        await page.Locator(".user-menu__panel").GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));
        session.AssertNoPageProblems();
    }

    [Theory]
    [InlineData("teacher", "Dashboard")]
    [InlineData("student", "Chat")]
    [InlineData("admin", "Users")]
    public async Task In_the_dark_theme_pages_are_dark_and_have_no_accessibility_violations(string role, string navigationLabel)
    {
        var person = await app.People.CreateAsync(role);
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });

        await page.GotoAsync("/sign-in");
        // The page as the visitor sees it, not the document before the app has drawn it (axe would find no main).
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await AssertDarkAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "look-dark-sign-in");

        await BrowserSignIn.SignInAsync(page, person.Email, person.Password);
        await BrowserSignIn.OpenAsync(page, navigationLabel);
        await Expect(page.Locator("main h1")).ToBeVisibleAsync();
        await Expect(page.Locator("main .state--loading")).ToHaveCountAsync(0);
        await AssertDarkAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, $"look-dark-{role}-{navigationLabel.ToLowerInvariant()}");

        // The user's menu open, in the dark.
        await page.Locator(".user-menu__button").ClickAsync();
        await Expect(page.Locator(".user-menu__panel")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        session.AssertNoPageProblems();
    }

    [Fact]
    public async Task The_manifest_and_its_icons_are_served_and_describe_an_installable_app()
    {
        using var client = app.Host.CreateWebClient();
        using var response = await client.GetAsync("/manifest.webmanifest", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/manifest+json", response.Content.Headers.ContentType?.MediaType);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var root = manifest.RootElement;
        Assert.Equal("TheBot", root.GetProperty("short_name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("name").GetString()));
        Assert.Equal("/dashboard", root.GetProperty("start_url").GetString());
        Assert.Equal("/", root.GetProperty("scope").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("theme_color").GetString());
        Assert.Matches("^#[0-9a-f]{6}$", root.GetProperty("background_color").GetString());

        // Chromium's installability: a 192 px and a 512 px PNG (one maskable), each the size it claims.
        var sizes = new List<string>();
        foreach (var icon in root.GetProperty("icons").EnumerateArray())
        {
            var src = icon.GetProperty("src").GetString()!;
            var type = icon.GetProperty("type").GetString()!;
            using var file = await client.GetAsync(src, Ct);
            Assert.True(file.StatusCode == HttpStatusCode.OK, $"{src}: {file.StatusCode}");
            Assert.Equal(type, file.Content.Headers.ContentType?.MediaType);
            if (type == "image/png")
            {
                var png = await file.Content.ReadAsByteArrayAsync(Ct);
                var width = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
                var height = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
                Assert.Equal(icon.GetProperty("sizes").GetString(), $"{width}x{height}");
                sizes.Add($"{width}:{icon.GetProperty("purpose").GetString()}");
            }
        }
        Assert.Contains("192:any", sizes);
        Assert.Contains("512:any", sizes);
        Assert.Contains("512:maskable", sizes);

        // The page links the manifest, and the front door's policy lets it and the worker load.
        using var page = await client.GetAsync("/sign-in", Ct);
        Assert.Contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\"", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var policy = string.Join(" ", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("manifest-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);

        // The worker is revalidated on every check (a release is noticed at once) and names this build's entry script.
        using var worker = await client.GetAsync("/sw.js", Ct);
        Assert.Equal(HttpStatusCode.OK, worker.StatusCode);
        Assert.Equal("text/javascript", worker.Content.Headers.ContentType?.MediaType);
        Assert.True(worker.Headers.CacheControl?.NoCache, $"sw.js: Cache-Control {worker.Headers.CacheControl}");
        var source = await worker.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("__THEBOT_BUILD__", source, StringComparison.Ordinal);
        Assert.Contains($"\"{await SpaAssets.EntryScriptAsync(client, Ct)}\"", source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_service_worker_registers_keeps_only_the_app_shell_and_starts_the_app_offline()
    {
        var teacher = await app.People.CreateAsync("teacher");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, teacher.Email, teacher.Password);
        await BrowserSignIn.OpenAsync(page, "Chat");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat", Level = 1 })).ToBeVisibleAsync();

        var script = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).active.scriptURL");
        Assert.EndsWith("/sw.js", script, StringComparison.Ordinal);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chat", Level = 1 })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => navigator.serviceWorker.controller !== null"), "The reloaded page is not controlled by the worker.");

        // What the worker keeps: the shell and hashed assets, never an API answer or the realtime hub.
        var cached = await page.EvaluateAsync<string[]>(
            "async () => { const out = []; for (const key of await caches.keys()) { const cache = await caches.open(key); for (const r of await cache.keys()) out.push(new URL(r.url).pathname); } return out; }");
        Assert.Contains("/", cached);
        Assert.Contains(cached, path => path.StartsWith("/assets/", StringComparison.Ordinal));
        Assert.DoesNotContain(cached, path => path.StartsWith("/api", StringComparison.Ordinal) || path.StartsWith("/hubs", StringComparison.Ordinal));

        // Offline, the app still starts from the kept shell and says it is offline (signing in waits for the network).
        await session.Context.SetOfflineAsync(true);
        try
        {
            var response = await page.GotoAsync("/dashboard");
            Assert.NotNull(response);
            await Expect(page).ToHaveTitleAsync(new Regex("TheBot$"));
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "You are offline" })).ToBeVisibleAsync();
            await Screenshots.SaveAsync(page, "look-offline-start");
        }
        finally
        {
            await session.Context.SetOfflineAsync(false);
        }
    }

    /// <summary>The page's background is the dark theme's and its text light.</summary>
    private static async Task AssertDarkAsync(IPage page)
    {
        var colours = await page.EvaluateAsync<string[]>(
            "() => { const s = getComputedStyle(document.documentElement); return [s.backgroundColor, s.color]; }");
        Assert.Equal("rgb(15, 23, 42)", colours[0]);
        Assert.Equal("rgb(229, 231, 235)", colours[1]);
    }

    /// <summary>Every visible link and button the selector finds is at least 44 × 44 CSS pixels.</summary>
    private static async Task AssertTargetsAsync(IPage page, string selector)
    {
        var small = await page.EvaluateAsync<string[]>(
            """
            (selector) => [...document.querySelectorAll(selector)]
              .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
              .map((el) => ({ el, box: el.getBoundingClientRect() }))
              .filter(({ box }) => box.width < 44 || box.height < 44)
              .map(({ el, box }) => `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim()}" ${Math.round(box.width)}×${Math.round(box.height)}`)
            """,
            selector);
        Assert.True(small.Length == 0, $"Targets smaller than {MinimumTarget}px: {string.Join("; ", small)}");
    }

    /// <summary>ui/avatar.ts's rule: the first letter of the first and the last word.</summary>
    private static string InitialsOf(string fullName)
    {
        var words = WordSeparators().Split(fullName.Trim()).Where(word => word.Length > 0).ToArray();
        static string First(string word) => word.FirstOrDefault(char.IsLetterOrDigit).ToString();
        var initials = First(words[0]) + (words.Length > 1 ? First(words[^1]) : string.Empty);
        return initials.ToUpperInvariant();
    }

    [GeneratedRegex(@"[\s\-_.@]+")]
    private static partial Regex WordSeparators();
}
