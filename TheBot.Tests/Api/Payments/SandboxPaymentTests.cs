using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TheBot.Tests.Fixtures;
using TheBot.Tests.Realtime;

namespace TheBot.Tests.Api.Payments;

/// <summary>Paying through the sandbox provider, end to end through the front door, and its notifications' handling.</summary>
public sealed class SandboxPaymentTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_parent_pays_on_the_confirmation_page_and_both_sides_see_it_paid_live()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People, 4200m);
        await using var tutorSocket = RealtimeProbe.Connect(fixture.Host, setup.Tutor.AccessToken);
        await using var parentSocket = RealtimeProbe.Connect(fixture.Host, setup.Parent.AccessToken);
        var tutorSawPaid = PaidEvent(tutorSocket, invoiceId);
        var parentSawPaid = PaidEvent(parentSocket, invoiceId);
        await tutorSocket.StartAsync(Ct);
        await parentSocket.StartAsync(Ct);

        var confirmation = await PayAsync(setup.Parent, invoiceId);
        // The confirmation page is the SPA's; what it shows comes from the API, to anyone holding the link.
        Assert.Matches("^/payments/sandbox/[^/]+$", confirmation.AbsolutePath);
        using var client = fixture.Host.CreateWebClient();
        var shown = await client.GetFromJsonAsync<JsonElement>($"/api/payments/sandbox/{confirmation.Segments[^1]}/details", Ct);
        Assert.Equal(4200m, shown.GetProperty("amount").GetDecimal());
        Assert.Equal("RUB", shown.GetProperty("currency").GetString());
        Assert.Equal("pending", shown.GetProperty("status").GetString());
        Assert.False(string.IsNullOrWhiteSpace(shown.GetProperty("description").GetString()));
        using var decision = await DecideAsync(confirmation, "succeed");

        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        Assert.Contains($"/invoices/{invoiceId}", decision.Headers.Location!.ToString(), StringComparison.Ordinal);
        var invoice = await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("paid", invoice.GetProperty("status").GetString());
        await tutorSawPaid.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        await parentSawPaid.WaitAsync(TimeSpan.FromSeconds(15), Ct);
    }

    [Fact]
    public async Task Links_to_the_old_server_rendered_page_lead_to_the_SPAs_page_and_unknown_payments_are_404()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        var paymentId = (await PayAsync(setup.Parent, invoiceId)).Segments[^1];
        using var client = fixture.Host.CreateWebClient();

        using var old = await client.GetAsync($"/api/payments/sandbox/{paymentId}", Ct);
        using var unknownPage = await client.GetAsync("/api/payments/sandbox/sbx_nobody", Ct);
        using var unknownDetails = await client.GetAsync("/api/payments/sandbox/sbx_nobody/details", Ct);

        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal($"/payments/sandbox/{paymentId}", old.Headers.Location!.OriginalString);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, unknownPage);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, unknownDetails);
    }

    [Fact]
    public async Task Paying_twice_reuses_the_pending_payment()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);

        var first = await PayAsync(setup.Parent, invoiceId);
        var second = await PayAsync(setup.Parent, invoiceId);

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_replayed_or_concurrent_notification_changes_nothing_the_second_time()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        var confirmation = await PayAsync(setup.Parent, invoiceId);
        using var decision = await DecideAsync(confirmation, "succeed");
        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        var paymentId = confirmation.Segments[^1];

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => NotifyAsync(paymentId, "succeeded")));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var history = await setup.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}/history", Ct);
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("to").GetString() == "paid");
    }

    [Fact]
    public async Task Forged_notifications_are_refused_or_ignored_because_the_provider_is_asked()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        var confirmation = await PayAsync(setup.Parent, invoiceId);

        // Claims success for a real payment the payer never confirmed: the provider says pending.
        Assert.Equal(HttpStatusCode.OK, await NotifyAsync(confirmation.Segments[^1], "succeeded"));
        // A payment the provider never made.
        Assert.Equal(HttpStatusCode.NotFound, await NotifyAsync("sbx_" + Guid.NewGuid().ToString("N"), "succeeded"));
        // Not even JSON, and a provider that is not in use.
        using var client = fixture.Host.CreateWebClient();
        using var garbage = await client.PostAsync("/api/payments/webhooks/sandbox", new StringContent("<xml/>"), Ct);
        await Expect.ProblemAsync(HttpStatusCode.BadRequest, garbage);
        using var other = await client.PostAsJsonAsync("/api/payments/webhooks/yookassa", new { type = "notification", @event = "payment.succeeded", @object = new { id = confirmation.Segments[^1] } }, Ct);
        await Expect.ProblemAsync(HttpStatusCode.NotFound, other);

        var invoice = await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("sent", invoice.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_payment_whose_amount_does_not_match_is_refunded_and_the_invoice_stays_unpaid()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People, 3000m);
        var confirmation = await PayAsync(setup.Parent, invoiceId);
        // The provider reports a different amount than the one asked for.
        await fixture.Billing.ExecuteSqlAsync("UPDATE sandbox_payments SET amount = 30 WHERE id = $1", confirmation.Segments[^1]);

        using var decision = await DecideAsync(confirmation, "succeed");

        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        var invoice = await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("sent", invoice.GetProperty("status").GetString());
        await AssertPaymentStatusAsync(confirmation.Segments[^1], "Refunded");
    }

    [Fact]
    public async Task Money_for_an_invoice_cancelled_meanwhile_is_refunded_not_counted()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        var confirmation = await PayAsync(setup.Parent, invoiceId);
        using (var cancel = await setup.Tutor.Client.PostAsync($"/api/invoices/{invoiceId}/cancel", null, Ct))
        {
            await Expect.StatusAsync(HttpStatusCode.OK, cancel);
        }

        using var decision = await DecideAsync(confirmation, "succeed");

        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        var invoice = await setup.Tutor.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("cancelled", invoice.GetProperty("status").GetString());
        await AssertPaymentStatusAsync(confirmation.Segments[^1], "Refunded");
        var statistics = await setup.Tutor.Client.GetFromJsonAsync<JsonElement>("/api/invoices/statistics", Ct);
        Assert.Equal(0, statistics.GetProperty("paidThisMonth").GetInt32());
    }

    [Fact]
    public async Task A_declined_payment_leaves_the_invoice_payable()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        var confirmation = await PayAsync(setup.Parent, invoiceId);

        using var decision = await DecideAsync(confirmation, "fail");

        Assert.Equal(HttpStatusCode.Redirect, decision.StatusCode);
        await AssertPaymentStatusAsync(confirmation.Segments[^1], "Canceled");
        var retry = await PayAsync(setup.Parent, invoiceId);
        Assert.NotEqual(confirmation, retry);
    }

    private async Task<Uri> PayAsync(SignedIn parent, Guid invoiceId)
    {
        using var response = await parent.Client.PostAsync($"/api/invoices/{invoiceId}/pay", null, Ct);
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        var url = new Uri((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("confirmationUrl").GetString()!);
        Assert.Equal(fixture.Host.WebEndpoint.Authority, url.Authority);
        return url;
    }

    private async Task<HttpResponseMessage> DecideAsync(Uri confirmation, string outcome)
    {
        using var client = fixture.Host.CreateWebClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["outcome"] = outcome });
        return await client.PostAsync($"/api/payments/sandbox/{confirmation.Segments[^1]}", form, Ct);
    }

    private async Task<HttpStatusCode> NotifyAsync(string providerPaymentId, string status)
    {
        using var client = fixture.Host.CreateWebClient();
        using var response = await client.PostAsJsonAsync("/api/payments/webhooks/sandbox", new
        {
            type = "notification",
            @event = $"payment.{status}",
            @object = new { id = providerPaymentId, status, amount = new { value = "1.00", currency = "RUB" } },
        }, Ct);
        return response.StatusCode;
    }

    private async Task AssertPaymentStatusAsync(string providerPaymentId, string expected)
    {
        await using var connection = new Npgsql.NpgsqlConnection(await fixture.Host.GetConnectionStringAsync("thebot"));
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT status FROM payments WHERE provider_payment_id = $1", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = providerPaymentId });
        Assert.Equal(expected, (string?)await command.ExecuteScalarAsync(Ct));
    }

    private static Task PaidEvent(HubConnection connection, Guid invoiceId)
    {
        var paid = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<JsonElement>("invoiceChanged", e =>
        {
            if (e.GetProperty("invoiceId").GetGuid() == invoiceId && e.GetProperty("status").GetString() == "paid")
            {
                paid.TrySetResult();
            }
        });
        return paid.Task;
    }
}
