using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Notifications.Email;

/// <summary>Two api replicas poll the outbox every 200 ms and race for every delivery: each e-mail goes out once.</summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class EmailAcrossReplicasTests(ScaleOutAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_invoice_email_is_sent_once_with_two_api_replicas()
    {
        var sent = new List<(BillingSetup Setup, Guid InvoiceId)>();
        for (var i = 0; i < 4; i++)
        {
            sent.Add(await app.Billing.CreateSentInvoiceAsync(app.People));
        }

        foreach (var (setup, _) in sent)
        {
            await app.Smtp.WaitForAsync(setup.Parent.Email);
        }

        // Give the other replica every chance to send a second copy.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        var admin = await app.People.AdminAsync();
        foreach (var (setup, invoiceId) in sent)
        {
            var mail = Assert.Single(app.Smtp.To(setup.Parent.Email));
            Assert.Contains($"/invoices/{invoiceId}", mail.Text, StringComparison.Ordinal);
            var page = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/deliveries?userId={setup.Parent.Id}", Ct);
            var delivery = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Equal("sent", delivery.GetProperty("status").GetString());
            Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        }
    }
}
