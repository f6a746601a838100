using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// An admin ticks two users on the Users page, deactivates both from the bulk-actions bar after a confirmation and sees
/// each one's outcome; opens the statistics; and broadcasts to one hand-picked person found by the people picker.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AdminToolsPageTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_deactivates_selected_users_at_once_opens_the_statistics_and_broadcasts_to_a_hand_picked_person()
    {
        var admin = await app.People.CreateAsync("admin");
        var marker = $"bk{Guid.NewGuid():N}"[..12];
        var first = await app.People.CreateAsync("parent", marker);
        var second = await app.People.CreateAsync("teacher", marker);
        string NameOf(SignedIn person) => $"{marker} {person.Email[..12]}";

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, admin.Email, admin.Password);
        await BrowserSignIn.OpenAsync(page, "Users");
        await page.GetByLabel("Search by name or email").FillAsync(marker);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.GetByLabel($"Select {NameOf(first)}").CheckAsync();
        await page.GetByLabel($"Select {NameOf(second)}").CheckAsync();
        var bar = page.GetByTestId("bulk-actions");
        await Expect(bar).ToContainTextAsync("Selected: 2");
        await bar.GetByLabel("With the selected").SelectOptionAsync("deactivate");
        await bar.GetByRole(AriaRole.Button, new() { Name = "Apply…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Deactivate 2 selected users?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Yes, for 2" }).ClickAsync();

        var results = page.GetByTestId("bulk-results");
        await Expect(results.GetByRole(AriaRole.Status)).ToHaveTextAsync("Done: 2, skipped: 0.");
        await Expect(results.Locator("tr[data-outcome='done']")).ToHaveCountAsync(2);
        await Screenshots.SaveAsync(page, "admin-bulk-deactivated");

        await BrowserSignIn.OpenAsync(page, "Statistics");
        await Expect(page.GetByTestId("user-statistics").Locator("tr[data-role='all']")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Lessons per teacher per week" })).ToBeVisibleAsync();

        var reader = await app.People.CreateAsync("student", marker);
        var title = $"Just you {Guid.NewGuid():N}"[..24];
        await BrowserSignIn.OpenAsync(page, "Broadcasts");
        await page.GetByLabel("Send to").SelectOptionAsync("target:users");
        await page.GetByLabel("Find by name or email (at least 2 letters)").FillAsync(reader.Email[..20]);
        await page.GetByRole(AriaRole.Button, new() { Name = NameOf(reader) }).ClickAsync();
        await Expect(page.GetByTestId("people-picker")).ToContainTextAsync("Chosen people: 1");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send broadcast" }).ClickAsync();
        var row = page.GetByTestId("broadcast-history").Locator("tr").Filter(new() { HasText = title });
        await Expect(row).ToContainTextAsync("1 chosen people");
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "sent", new() { Timeout = 30_000 });

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        session.AssertNoPageProblems();
    }
}
