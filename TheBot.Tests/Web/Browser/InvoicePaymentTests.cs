using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TheBot.Tests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace TheBot.Tests.Web.Browser;

/// <summary>
/// The whole invoice journey through the front door: a tutor drafts and sends an invoice, the parent opens it
/// and pays on the sandbox provider's page, and both see it paid — the tutor live, without reloading.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class InvoicePaymentTests(TheBotAppFixture app, BrowserFixture browser)
{
    [Fact]
    public async Task A_tutor_sends_an_invoice_and_the_parent_pays_it_in_the_sandbox()
    {
        var setup = await app.Billing.CreateFamilyWithTutorAsync(app.People);
        var studentName = await FullNameAsync(setup.Student);

        // The tutor drafts the invoice.
        await using var tutorSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var tutor = tutorSession.Page;
        await BrowserSignIn.SignInAsync(tutor, setup.Tutor.Email, setup.Tutor.Password);
        await BrowserSignIn.OpenAsync(tutor, "Invoices");
        await Expect(tutor.GetByRole(AriaRole.Heading, new() { Name = "Invoices", Level = 1 })).ToBeVisibleAsync();
        await Expect(tutor.GetByText("No invoices here.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(tutor, "invoice-01-tutor-empty-list");

        await tutor.GetByRole(AriaRole.Button, new() { Name = "New invoice" }).ClickAsync();
        await tutor.GetByLabel("Student").SelectOptionAsync(new SelectOptionValue { Label = studentName });
        // The student has one parent, who is chosen at once.
        await Expect(tutor.GetByLabel("Parent")).ToHaveValueAsync(setup.Parent.Id.ToString());
        await tutor.GetByLabel("Amount").FillAsync("4 500,50");
        await tutor.GetByLabel("Description").FillAsync("Maths, four lessons in December");
        await Screenshots.SaveAsync(tutor, "invoice-02-tutor-new-filled");
        await tutor.GetByRole(AriaRole.Button, new() { Name = "Create draft" }).ClickAsync();

        await Expect(tutor).ToHaveURLAsync(new Regex("/invoices/[0-9a-f-]{36}$"));
        var invoiceUrl = new Uri(tutor.Url);
        var status = tutor.Locator(".details [data-status]");
        await Expect(status).ToHaveAttributeAsync("data-status", "draft");
        await Expect(tutor.Locator(".details")).ToContainTextAsync("4,500.50");
        await Screenshots.SaveAsync(tutor, "invoice-03-tutor-draft");

        // … and sends it.
        await tutor.GetByRole(AriaRole.Button, new() { Name = "Send to parent" }).ClickAsync();
        await Expect(status).ToHaveAttributeAsync("data-status", "sent");
        await Expect(tutor.GetByRole(AriaRole.Button, new() { Name = "Send to parent" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(tutor, "invoice-04-tutor-sent");

        // The parent finds it in their list; opening it marks it viewed.
        await using var parentSession = await browser.NewSessionAsync(app.Host.WebEndpoint);
        var parent = parentSession.Page;
        await BrowserSignIn.SignInAsync(parent, setup.Parent.Email, setup.Parent.Password);
        await BrowserSignIn.OpenAsync(parent, "Invoices");
        var row = parent.Locator("tr[data-invoice]");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-status]")).ToHaveAttributeAsync("data-status", "sent");
        await Screenshots.SaveAsync(parent, "invoice-05-parent-list");
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(parent).ToHaveURLAsync(invoiceUrl.AbsolutePath);
        var parentStatus = parent.Locator(".details [data-status]");
        await Expect(parentStatus).ToHaveAttributeAsync("data-status", "viewed");
        // The tutor's page follows without a reload.
        await Expect(status).ToHaveAttributeAsync("data-status", "viewed");
        await Screenshots.SaveAsync(parent, "invoice-06-parent-viewed");

        // Paying opens the provider's confirmation page (the sandbox), which sends the parent back.
        await parent.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true }).ClickAsync();
        // The sandbox page is part of the SPA, styled and in the parent's language only (issue #20, bug 3).
        await Expect(parent).ToHaveURLAsync(new Regex("/payments/sandbox/[^/]+$"));
        await Expect(parent.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sandbox payment");
        await Expect(parent.Locator("main")).Not.ToContainTextAsync("Оплатить");
        await Expect(parent.Locator("main .card")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(parent, "invoice-07-sandbox-confirmation");
        await parent.GetByRole(AriaRole.Button, new() { Name = "Pay " }).ClickAsync();

        await Expect(parent).ToHaveURLAsync(invoiceUrl.AbsolutePath);
        await Expect(parent.Locator(".details [data-status]")).ToHaveAttributeAsync("data-status", "paid");
        await Expect(parent.GetByRole(AriaRole.Button, new() { Name = "Pay", Exact = true })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(parent, "invoice-08-parent-paid");

        await Expect(status).ToHaveAttributeAsync("data-status", "paid");
        await Expect(tutor.Locator(".timeline")).ToContainTextAsync("Paid");
        await Screenshots.SaveAsync(tutor, "invoice-09-tutor-sees-paid-live");

        // The overview counts it as paid this month, drawn in the chart.
        await BrowserSignIn.OpenAsync(tutor, "Invoices");
        await Expect(tutor.Locator("tr[data-invoice] [data-status]")).ToHaveAttributeAsync("data-status", "paid");
        await Expect(tutor.Locator(".chart svg.recharts-surface[role='application']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(tutor, "invoice-10-tutor-overview-chart");

        // The Excel export is fetched with the tutor's token and handed to the browser as a file.
        var download = await tutor.RunAndWaitForDownloadAsync(
            () => tutor.GetByRole(AriaRole.Button, new() { Name = "Download Excel" }).ClickAsync());
        Assert.Matches(@"^invoices-\d{4}-\d{2}-\d{2}\.xlsx$", download.SuggestedFilename);

        tutorSession.AssertNoPageProblems();
        // Every page the parent saw, the sandbox page included, is clean.
        parentSession.AssertNoPageProblems();
    }

    private static async Task<string> FullNameAsync(SignedIn person)
    {
        var me = await person.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/auth/me", TestContext.Current.CancellationToken);
        return me.GetProperty("fullName").GetString()!;
    }
}
