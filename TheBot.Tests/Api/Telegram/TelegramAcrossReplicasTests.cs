using System.Net.Http.Json;
using System.Text.Json;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Telegram;

/// <summary>Two api replicas poll the outbox every 200 ms and race for every delivery: each Telegram message goes out once.</summary>
[Collection(ScaleOutAppFixture.Collection)]
public sealed class TelegramAcrossReplicasTests(ScaleOutAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_invoice_message_is_sent_once_with_two_api_replicas()
    {
        var parents = new List<(BillingSetup Setup, long ChatId, Guid InvoiceId)>();
        for (var i = 0; i < 4; i++)
        {
            var setup = await app.Billing.CreateFamilyWithTutorAsync(app.People);
            var chatId = await app.LinkTelegramAsync(setup.Parent);
            var invoice = await app.Billing.CreateInvoiceAsync(setup.Tutor, setup.Student.Id, setup.Parent.Id);
            parents.Add((setup, chatId, invoice.Id));
        }

        foreach (var (setup, _, invoiceId) in parents)
        {
            await Billing.SendAsync(setup.Tutor, invoiceId);
        }

        foreach (var (_, chatId, _) in parents)
        {
            await app.Telegram.WaitForMessageAsync(chatId, m => m.Text.Contains("INV-", StringComparison.Ordinal));
        }

        // Give the other replica every chance to send a second copy.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        var admin = await app.People.AdminAsync();
        foreach (var (setup, chatId, invoiceId) in parents)
        {
            var message = Assert.Single(app.Telegram.To(chatId), m => m.Text.Contains("INV-", StringComparison.Ordinal));
            Assert.EndsWith($"/invoices/{invoiceId}", Assert.Single(message.ButtonUrls()).Value, StringComparison.Ordinal);
            var page = await admin.Client.GetFromJsonAsync<JsonElement>($"/api/admin/deliveries?userId={setup.Parent.Id}&channel=telegram", Ct);
            var delivery = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Equal("sent", delivery.GetProperty("status").GetString());
            Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
        }
    }
}
