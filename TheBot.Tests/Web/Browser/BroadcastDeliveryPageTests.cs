using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// An admin broadcasts to every admin from the Broadcasts page, sees in the history how it went and, in its detail,
/// their own Telegram delivery failed with the bot's reason; "Retry failed" sends it and the row turns sent. A second
/// one is scheduled for later and cancelled before it goes.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BroadcastDeliveryPageTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_sends_a_broadcast_sees_each_recipients_status_retries_the_failed_one_and_cancels_a_scheduled_one()
    {
        // Named to sort first among the shared app's admins, so that their row is on the recipients' first page.
        var admin = await app.People.CreateAsync("admin", "Aaaa Broadcaster");
        var chatId = await app.LinkTelegramAsync(admin);
        app.Telegram.Refuse(chatId, 400, "Bad Request: can't parse entities");
        var title = $"Staff meeting {Guid.NewGuid():N}"[..30];

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, admin.Email, admin.Password);
        await BrowserSignIn.OpenAsync(page, "Broadcasts");
        await page.GetByLabel("Send to").SelectOptionAsync("admin");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Text").FillAsync("Room 4 at 17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send broadcast" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "queued for delivery" })).ToBeVisibleAsync();

        // The detail of the new broadcast opens; its history row says it went out.
        var detail = page.GetByTestId("broadcast-detail");
        await Expect(detail.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var row = page.GetByTestId("broadcast-history").Locator("tr").Filter(new() { HasText = title });
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "sent", new() { Timeout = 30_000 });

        await detail.GetByLabel("Status").SelectOptionAsync("failed");
        var mine = detail.GetByTestId("broadcast-recipients").Locator("tr").Filter(new() { HasText = "Aaaa Broadcaster" });
        await Expect(mine.Locator("[data-channel='telegram']")).ToHaveAttributeAsync("data-status", "failed", new() { Timeout = 30_000 });
        await Expect(mine).ToContainTextAsync("can't parse entities");
        await Screenshots.SaveAsync(page, "broadcast-1-failed-recipient");

        app.Telegram.Accept(chatId);
        await detail.GetByRole(AriaRole.Button, new() { Name = "Retry failed" }).ClickAsync();
        await Expect(detail.GetByRole(AriaRole.Status).Filter(new() { HasText = "will be tried again" })).ToBeVisibleAsync();
        await app.Telegram.WaitForMessageAsync(chatId, m => m.Text.Contains(title, StringComparison.Ordinal));
        await detail.GetByLabel("Status").SelectOptionAsync("sent");
        await Expect(mine.Locator("[data-channel='telegram']")).ToHaveAttributeAsync("data-status", "sent", new() { Timeout = 30_000 });
        await Screenshots.SaveAsync(page, "broadcast-2-retried-and-sent");

        // Scheduled for tomorrow, then cancelled before it goes.
        var later = title + " later";
        await page.GetByLabel("Send to").SelectOptionAsync("admin");
        await page.GetByLabel("Title").FillAsync(later);
        await page.GetByLabel("Send later").CheckAsync();
        var tomorrow = DateTime.Now.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Send at").FillAsync(tomorrow);
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule broadcast" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "is scheduled" })).ToBeVisibleAsync();
        var scheduled = page.GetByTestId("broadcast-history").Locator("tr").Filter(new() { HasText = later });
        await Expect(scheduled.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "scheduled");
        await detail.GetByRole(AriaRole.Button, new() { Name = "Cancel broadcast" }).ClickAsync();
        await Expect(scheduled.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "cancelled");
        await Screenshots.SaveAsync(page, "broadcast-3-scheduled-and-cancelled");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        session.AssertNoPageProblems();
    }
}
