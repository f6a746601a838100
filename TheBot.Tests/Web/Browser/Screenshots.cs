using Microsoft.Playwright;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Saves what the browser shows as a PNG under the test output's screenshots/ folder
/// (TheBot.Tests/bin/&lt;configuration&gt;/net10.0/screenshots/) and attaches it to the test result.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);

        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name + ".png", png, "image/png");
        return path;
    }
}
