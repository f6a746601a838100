using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>A tutor writes a progress report and sends it; the parent reads it; the tutor exports progress to Excel.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ProgressReportTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_tutor_sends_a_report_the_parent_reads_it_and_the_tutor_exports_progress()
    {
        var classroom = await app.Learning.CreateClassroomAsync();

        await using var tutorSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var tutor = tutorSession.Page;
        await BrowserSignIn.SignInAsync(tutor, classroom.Tutor.Email, classroom.Tutor.Password);
        await BrowserSignIn.OpenAsync(tutor, "Progress");
        await Expect(tutor.GetByRole(AriaRole.Heading, new() { Name = "Progress reports" })).ToBeVisibleAsync();
        await tutor.GetByLabel("Report title").FillAsync("November");
        await tutor.GetByLabel("Report text").FillAsync("Steady progress in algebra; more reading practice, please.");
        await tutor.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        var draft = tutor.Locator("[data-report]").Filter(new() { HasText = "November" });
        await Expect(draft.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "draft");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Send to parents" }).ClickAsync();
        await Expect(draft.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "sent");
        await Screenshots.SaveAsync(tutor, "report-01-tutor-sent");

        var export = await tutor.RunAndWaitForDownloadAsync(() => tutor.GetByRole(AriaRole.Button, new() { Name = "Export all my students (Excel)" }).ClickAsync());
        Assert.EndsWith(".xlsx", export.SuggestedFilename, StringComparison.Ordinal);
        var workbook = await File.ReadAllBytesAsync(await export.PathAsync(), TestContext.Current.CancellationToken);
        Assert.True(workbook.Length > 4 && workbook[0] == (byte)'P' && workbook[1] == (byte)'K', "An .xlsx file is a zip archive.");

        await using var parentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var parent = parentSession.Page;
        await BrowserSignIn.SignInAsync(parent, classroom.Parent.Email, classroom.Parent.Password);
        await BrowserSignIn.OpenAsync(parent, "Progress");
        var received = parent.Locator("[data-report]").Filter(new() { HasText = "November" });
        await Expect(received).ToContainTextAsync("more reading practice");
        await received.GetByRole(AriaRole.Button, new() { Name = "Mark as read" }).ClickAsync();
        await Expect(received.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "read");
        await Screenshots.SaveAsync(parent, "report-02-parent-read");

        tutorSession.AssertNoPageProblems();
        parentSession.AssertNoPageProblems();
    }
}
