using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Payments;

/// <summary>
/// Payments as operators get them by default: every service in Production, no YooKassa credentials and no
/// sandbox switch. Paying must fail closed — nothing can be marked paid without money moving.
/// </summary>
[Collection(ProductionAppFixture.Collection)]
public sealed class PaymentsInProductionTests(ProductionAppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_credentials_or_the_sandbox_switch_paying_answers_payments_are_not_configured_and_writes_nothing()
    {
        var (setup, invoiceId) = await app.Billing.CreateSentInvoiceAsync(app.People);
        var historyBefore = await setup.Tutor.Client.GetStringAsync($"/api/invoices/{invoiceId}/history", Ct);

        using var pay = await setup.Parent.Client.PostAsync($"/api/invoices/{invoiceId}/pay", null, Ct);

        var problem = await Expect.ProblemAsync(HttpStatusCode.ServiceUnavailable, pay);
        Assert.Equal("tag:thebot,2026:problems/payments-not-configured", problem.GetProperty("type").GetString());
        Assert.Equal("Payments are not configured", problem.GetProperty("title").GetString());
        var invoice = await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("sent", invoice.GetProperty("status").GetString());
        Assert.Equal(historyBefore, await setup.Tutor.Client.GetStringAsync($"/api/invoices/{invoiceId}/history", Ct));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM payments WHERE invoice_id = $1", invoiceId));
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM sandbox_payments WHERE metadata_json->>'invoice_id' = $1", invoiceId.ToString()));
    }

    [Fact]
    public async Task Without_the_sandbox_switch_the_sandbox_page_its_confirmation_and_its_notifications_are_gone()
    {
        // A sandbox payment left in the database from a demo when the switch was on: nobody may confirm it now.
        var (setup, invoiceId) = await app.Billing.CreateSentInvoiceAsync(app.People);
        var sandboxId = "sbx_" + Guid.NewGuid().ToString("N");
        await app.Billing.ExecuteSqlAsync(
            """
            INSERT INTO sandbox_payments (id, amount, currency, description, return_url, idempotence_key, status, refunded, metadata_json, created_at)
            VALUES ($1, 4500, 'RUB', 'left from a demo', '/invoices', $2, 'Pending', false, '{}', now())
            """,
            sandboxId, Guid.NewGuid().ToString("N"));
        await app.Billing.ExecuteSqlAsync(
            """
            INSERT INTO payments (id, invoice_id, provider, provider_payment_id, amount, currency, status, confirmation_url, created_at, updated_at)
            VALUES ($1, $2, 'sandbox', $3, 4500, 'RUB', 'Pending', NULL, now(), now())
            """,
            Guid.CreateVersion7(), invoiceId, sandboxId);
        using var client = app.Host.CreateWebClient();

        using var page = await client.GetAsync($"/api/payments/sandbox/{sandboxId}", Ct);
        using var details = await client.GetAsync($"/api/payments/sandbox/{sandboxId}/details", Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = "succeed" });
        using var confirm = await client.PostAsync($"/api/payments/sandbox/{sandboxId}", form, Ct);
        using var notification = await NotifyAsync(client, "sandbox", sandboxId);

        await Expect.ProblemAsync(HttpStatusCode.NotFound, page);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, details);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, confirm);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, notification);
        var invoice = await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("sent", invoice.GetProperty("status").GetString());
        Assert.Equal(1L, await CountAsync("SELECT count(*) FROM sandbox_payments WHERE id = $1 AND status = 'Pending'", sandboxId));
    }

    [Fact]
    public async Task The_payment_webhook_has_its_own_limit_per_client_address_and_answers_429_with_Retry_After()
    {
        using var client = app.Host.CreateWebClient();

        // Unknown payments from one address, until the webhook's own limit refuses (the window may roll over once).
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 300 && refused is null; attempt++)
        {
            var response = await client.PostAsJsonAsync("/api/payments/webhooks/yookassa", Notification(Guid.NewGuid().ToString()), Ct);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                await Expect.ProblemAsync(HttpStatusCode.NotFound, response);
                response.Dispose();
            }
        }

        Assert.True(refused is not null, "300 notifications from one address within a few seconds were never refused");
        using (refused)
        {
            await Expect.ProblemAsync(HttpStatusCode.TooManyRequests, refused);
            Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        }

        // The webhook's own allowance: the same address is still served by the rest of the API.
        using var health = await client.GetAsync("/api/system/health", Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, health);
    }

    private static object Notification(string providerPaymentId) => new
    {
        type = "notification",
        @event = "payment.succeeded",
        @object = new { id = providerPaymentId, status = "succeeded", amount = new { value = "4500.00", currency = "RUB" } },
    };

    /// <summary>
    /// Posts a notification like a provider that honours Retry-After: the limit test above may have used up this
    /// address's allowance for the current minute (the whole suite comes from one address).
    /// </summary>
    private static async Task<HttpResponseMessage> NotifyAsync(HttpClient client, string provider, string providerPaymentId)
    {
        var response = await client.PostAsJsonAsync($"/api/payments/webhooks/{provider}", Notification(providerPaymentId), Ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } wait)
        {
            response.Dispose();
            await Task.Delay(wait, Ct);
            response = await client.PostAsJsonAsync($"/api/payments/webhooks/{provider}", Notification(providerPaymentId), Ct);
        }

        return response;
    }

    private async Task<long> CountAsync(string sql, object parameter)
    {
        await using var connection = new NpgsqlConnection(await app.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }
}
