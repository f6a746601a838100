using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Invoices;

public sealed class InvoiceNotificationsTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_parent_is_notified_when_an_invoice_is_sent_and_the_tutor_when_it_is_paid()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People, 3100m);

        var sent = Assert.Single(await setup.Parent.NotificationsAboutAsync(invoiceId.ToString()));
        Assert.Equal("invoice", sent.GetProperty("type").GetString());
        // Written in the parent's language: Russian, the default.
        Assert.StartsWith("Новый счёт INV-", sent.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("3100,00 RUB", sent.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Empty(await setup.Tutor.NotificationsAboutAsync(invoiceId.ToString()));

        await PayThroughSandboxAsync(setup.Parent, invoiceId);

        var paid = Assert.Single(await setup.Tutor.NotificationsAboutAsync(invoiceId.ToString()));
        Assert.EndsWith(" оплачен", paid.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Single(await setup.Parent.NotificationsAboutAsync(invoiceId.ToString()));
    }

    [Fact]
    public async Task An_overdue_invoice_reminds_its_parent_once_a_day_however_often_the_job_runs()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        await fixture.Billing.ExecuteSqlAsync("UPDATE invoices SET due_date = current_date - 2 WHERE id = $1", invoiceId);
        var admin = await fixture.People.AdminAsync();

        await admin.RunJobAsync("mark-overdue-invoices");
        await admin.RunJobAsync("mark-overdue-invoices");

        var about = await setup.Parent.NotificationsAboutAsync(invoiceId.ToString());
        Assert.Single(about, n => n.GetProperty("title").GetString()!.EndsWith("просрочен", StringComparison.Ordinal));
        Assert.Single(about, n => n.GetProperty("title").GetString()!.StartsWith("Новый счёт", StringComparison.Ordinal));
    }

    private async Task PayThroughSandboxAsync(SignedIn parent, Guid invoiceId)
    {
        using var pay = await parent.Client.PostAsync($"/api/invoices/{invoiceId}/pay", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, pay);
        var confirmation = new Uri((await pay.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("confirmationUrl").GetString()!);
        using var client = fixture.Host.CreateWebClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "succeed" });
        // The confirmation page is the SPA's; its form posts the decision to the api.
        using var decision = await client.PostAsync($"/api/payments/sandbox/{confirmation.Segments[^1]}", form, Ct);
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        var invoice = await parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("paid", invoice.GetProperty("status").GetString());
    }
}
