using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// Per-subject billing through the front door (issue #22): with a price set for the subject, the parent subscribes the
/// child's subject on the Billing page, pays the first period on the sandbox provider's page, and comes back to a paid
/// subject that renews by itself; the tutor's Billing page shows the student paid, and the teacher sees only "Paid".
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SubjectSubscriptionTests(TheBotAppFixture app, BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_parent_subscribes_a_childs_subject_and_pays_the_first_period_in_the_sandbox()
    {
        var subject = $"Chemistry {Guid.NewGuid():N}"[..20];
        var classroom = await app.Learning.CreateClassroomAsync(subject);
        using (var price = await classroom.Tutor.Client.PutAsJsonAsync(
            "/api/billing/prices", new { subjectId = classroom.SubjectId, amount = 6400m, currency = "RUB" }, Ct))
        {
            price.EnsureSuccessStatusCode();
        }

        await using var parentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var parent = parentSession.Page;
        await BrowserSignIn.SignInAsync(parent, classroom.Parent.Email, classroom.Parent.Password);
        await BrowserSignIn.OpenAsync(parent, "Billing");
        var row = parent.Locator("section[aria-labelledby='children-billing'] tbody tr").Filter(new() { HasText = subject });
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "unpaid");
        await Expect(row).ToContainTextAsync("6,400.00");
        await Screenshots.SaveAsync(parent, "billing-01-parent-unpaid");

        await row.GetByLabel("Every N weeks").FillAsync("4");
        await row.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await Expect(parent).ToHaveURLAsync(new Regex("/payments/sandbox/[^/]+$"));
        await Expect(parent.Locator("main")).ToContainTextAsync("6,400.00");
        await Screenshots.SaveAsync(parent, "billing-02-sandbox");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Pay " }).ClickAsync();
        await Expect(parent).ToHaveURLAsync(new Regex("/invoices/[0-9a-f-]{36}$"));
        await Expect(parent.Locator(".details [data-status]")).ToHaveAttributeAsync("data-status", "paid");

        await BrowserSignIn.OpenAsync(parent, "Billing");
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "paid");
        await Expect(row).ToContainTextAsync("Paid until");
        await Expect(row).ToContainTextAsync("Renews every 4 weeks");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Cancel subscription" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(parent, "billing-03-parent-paid-subscribed");

        // What the browser showed is what the API holds: paid for one period of four weeks, a card saved for renewals.
        var billing = (await classroom.Parent.Client.GetFromJsonAsync<JsonElement>("/api/billing/enrollments?pageSize=100", Ct))
            .GetProperty("items").EnumerateArray().Single(e => e.GetProperty("enrollmentId").GetGuid() == classroom.EnrollmentId);
        Assert.Equal("paid", billing.GetProperty("status").GetString());
        Assert.True(billing.GetProperty("subscription").GetProperty("hasSavedPaymentMethod").GetBoolean());

        await using var tutorSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var tutor = tutorSession.Page;
        await BrowserSignIn.SignInAsync(tutor, classroom.Tutor.Email, classroom.Tutor.Password);
        await BrowserSignIn.OpenAsync(tutor, "Billing");
        var student = tutor.Locator("section[aria-labelledby='students-billing'] tbody tr").Filter(new() { HasText = subject });
        await Expect(student.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "paid");
        await Expect(student).ToContainTextAsync("6,400.00");
        await Screenshots.SaveAsync(tutor, "billing-04-tutor-sees-paid");

        await using var teacherSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var teacher = teacherSession.Page;
        await BrowserSignIn.SignInAsync(teacher, classroom.Teacher.Email, classroom.Teacher.Password);
        await BrowserSignIn.OpenAsync(teacher, "Billing");
        var taught = teacher.Locator("section[aria-labelledby='teaching-paid'] tbody tr").Filter(new() { HasText = subject });
        await Expect(taught).ToContainTextAsync("Paid");
        await Expect(taught).Not.ToContainTextAsync("Not paid");
        await Expect(taught).Not.ToContainTextAsync("6,400");

        parentSession.AssertNoPageProblems();
        tutorSession.AssertNoPageProblems();
        teacherSession.AssertNoPageProblems();
    }
}
