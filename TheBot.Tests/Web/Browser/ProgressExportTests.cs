using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>A tutor exports their students' progress to Excel from the progress page.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ProgressExportTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_tutor_exports_progress()
    {
        var classroom = await app.Learning.CreateClassroomAsync();

        await using var tutorSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var tutor = tutorSession.Page;
        await BrowserSignIn.SignInAsync(tutor, classroom.Tutor.Email, classroom.Tutor.Password);
        await BrowserSignIn.OpenAsync(tutor, "Progress");
        var export = await tutor.RunAndWaitForDownloadAsync(() => tutor.GetByRole(AriaRole.Button, new() { Name = "Export all my students (Excel)" }).ClickAsync());
        Assert.EndsWith(".xlsx", export.SuggestedFilename, StringComparison.Ordinal);
        var workbook = await File.ReadAllBytesAsync(await export.PathAsync(), TestContext.Current.CancellationToken);
        Assert.True(workbook.Length > 4 && workbook[0] == (byte)'P' && workbook[1] == (byte)'K', "An .xlsx file is a zip archive.");

        tutorSession.AssertNoPageProblems();
    }
}
