using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>A parent confirms, in the browser, the child a tutor says is theirs; only then is the child theirs.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ParentInvitationTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_parent_accepts_a_tutors_invitation_under_Family_and_the_child_becomes_theirs()
    {
        var ct = TestContext.Current.CancellationToken;
        var tutor = await app.People.CreateAsync("tutor");
        var parent = await app.People.CreateAsync("parent");
        var studentName = $"Child {Guid.NewGuid():N}"[..14];
        Guid studentId;
        using (var created = await tutor.Client.PostAsJsonAsync("/api/tutor/students", new
        {
            student = new { fullName = studentName, email = $"child-{Guid.NewGuid():N}@tests.thebot.local" },
            parent = new { email = parent.Email },
        }, ct))
        {
            await TheBot.Tests.Fixtures.Expect.StatusAsync(HttpStatusCode.Created, created);
            studentId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("student").GetProperty("id").GetGuid();
        }

        await using var session = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var page = session.Page;
        await BrowserSignIn.SignInAsync(page, parent.Email, parent.Password);
        await BrowserSignIn.OpenAsync(page, "Family");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Family", Level = 1 })).ToBeVisibleAsync();
        var invitation = page.Locator("[data-invitation]");
        await Expect(invitation).ToHaveCountAsync(1);
        await Expect(invitation).ToContainTextAsync(studentName);
        await Screenshots.SaveAsync(page, "family-01-invitation");
        await invitation.GetByRole(AriaRole.Button, new() { Name = $"Yes, {studentName} is my child" }).ClickAsync();

        await Expect(page.GetByText($"{studentName} is now linked to you.")).ToBeVisibleAsync();
        await Expect(page.GetByText("No invitations are waiting for you.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "family-02-accepted");
        using var progress = await parent.Client.GetAsync($"/api/progress/students/{studentId}", ct);
        await TheBot.Tests.Fixtures.Expect.StatusAsync(HttpStatusCode.OK, progress);
    }
}
