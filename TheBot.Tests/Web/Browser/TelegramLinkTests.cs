using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// "Link Telegram" on the profile, as a parent does it: the button gives the one-time link to open; once the bot has
/// received /start in the chat (here posted to the webhook as Telegram would) the panel says linked without a reload;
/// unlinking asks first. The panel passes axe with the link shown.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed partial class TelegramLinkTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_parent_links_telegram_from_the_profile_sees_it_linked_and_unlinks_it()
    {
        var parent = await app.People.CreateAsync("parent");
        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, parent.Email, parent.Password);
        await page.GotoAsync("/profile");

        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Telegram", Exact = true });
        await Expect(panel.GetByText($"Not linked. Link Telegram to get the notifications you choose from the bot @{FakeTelegramBotApi.BotUsername}.")).ToBeVisibleAsync();
        await panel.GetByRole(AriaRole.Button, new() { Name = "Link Telegram", Exact = true }).ClickAsync();

        var open = panel.GetByRole(AriaRole.Link, new() { Name = "Open Telegram" });
        await Expect(open).ToBeVisibleAsync();
        var url = await open.GetAttributeAsync("href");
        var start = DeepLink().Match(url ?? "");
        Assert.True(start.Success, $"Not a deep link to the bot: {url}");
        await Accessibility.AssertNoViolationsAsync(page);

        // The parent presses Start in Telegram: the bot receives /start link_… and the panel turns to linked.
        var chatId = FakeTelegramBotApi.NewChatId();
        using (var update = await app.PostTelegramUpdateAsync(FakeTelegramBotApi.TextUpdate(chatId, "/start " + start.Groups["payload"].Value, username: "parent_in_tg")))
        {
            Assert.True(update.IsSuccessStatusCode);
        }

        await Expect(panel.GetByText(new Regex("^Linked to @parent_in_tg since "))).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(open).ToHaveCountAsync(0);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Unlink Telegram" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Unlink Telegram?" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Unlink Telegram" }).ClickAsync();
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Link Telegram", Exact = true })).ToBeVisibleAsync();
        session.AssertNoPageProblems();
    }

    [GeneratedRegex(@"^https://t\.me/TheBotTestBot\?start=(?<payload>link_[A-Za-z0-9_-]{43})$")]
    private static partial Regex DeepLink();
}
