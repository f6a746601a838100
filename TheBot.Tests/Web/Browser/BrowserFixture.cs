using Microsoft.Playwright;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// One headless Chromium for all browser tests of a run: Debian's /usr/bin/chromium (or THEBOT_CHROMIUM)
/// driven by Playwright for .NET, whose driver ships in the NuGet package — nothing is downloaded.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string DefaultChromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async ValueTask InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("THEBOT_CHROMIUM") is { Length: > 0 } configured ? configured : DefaultChromium;
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {chromium}. Install Debian's package (`apt-get install chromium`, as .ci/run does) or set THEBOT_CHROMIUM.");
        }

        // Expect(...) waits 5 s by default; on a shared 2-core machine a page's lazy chunk and API calls can take longer.
        // Actions already wait up to 15 s (NewSessionAsync): assertions get the same.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArguments,
            Timeout = 60_000,
        });
    }

    /// <summary>A fresh, isolated browser profile (cookies, storage) pointed at the front door.</summary>
    /// <remarks><paramref name="timeZone"/> is the device's (Playwright's timezoneId); unset, this machine's.</remarks>
    public async Task<BrowserSession> NewSessionAsync(Uri baseAddress, string locale = "en-GB", int width = 1280, int height = 800, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            Locale = locale,
            TimezoneId = timeZone,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await BrowserSession.StartAsync(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
