using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TheBot.Api.Data;
using TheBot.Api.Features.Payments;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Payments;

/// <summary>
/// What a YooKassa notification costs: the api's real notification handling (its own registrations, the run's
/// database) with YooKassa as the provider — an in-process fake that counts every call made to it. The shared
/// app runs the sandbox, so this is the way to watch the calls to a real provider's API.
/// </summary>
public sealed class PaymentWebhookTests(TheBotAppFixture fixture) : IAsyncLifetime
{
    private FakeYooKassa _yookassa = default!;
    private InProcessApi _api = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _yookassa = await FakeYooKassa.StartAsync();
        _api = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?>
        {
            ["Payments:YooKassa:ShopId"] = FakeYooKassa.ShopId,
            ["Payments:YooKassa:SecretKey"] = FakeYooKassa.SecretKey,
            ["Payments:YooKassa:BaseUrl"] = _yookassa.BaseUrl.ToString(),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _yookassa.DisposeAsync();
    }

    [Fact]
    public async Task A_notification_about_a_payment_the_platform_never_started_is_answered_without_calling_the_provider()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        // A payment YooKassa really has (another shop's, or one made outside the platform), and an id nobody has.
        var foreign = await scope.ServiceProvider.GetRequiredService<YooKassaPaymentProvider>().CreateAsync(
            new NewProviderPayment(Guid.NewGuid().ToString("N"), 100m, "RUB", "not ours", "https://elsewhere.example/", new Dictionary<string, string>()), Ct);
        _yookassa.Complete(foreign.Id, succeed: true);
        var callsBefore = _yookassa.Requests.Count;
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();

        var outcomes = new[]
        {
            await payments.HandleNotificationAsync(YooKassaPaymentProvider.ProviderName, foreign.Id, Ct),
            await payments.HandleNotificationAsync(YooKassaPaymentProvider.ProviderName, Guid.NewGuid().ToString(), Ct),
        };

        Assert.All(outcomes, o => Assert.Equal(NotificationOutcome.UnknownPayment, o));
        Assert.Equal(callsBefore, _yookassa.Requests.Count);
    }

    [Fact]
    public async Task A_notification_about_a_pending_payment_of_ours_is_checked_with_the_provider_once_and_applied()
    {
        var (setup, invoiceId, providerPaymentId) = await StartYooKassaPaymentAsync();
        _yookassa.Complete(providerPaymentId, succeed: true);
        var callsBefore = _yookassa.Requests.Count;

        await using var scope = _api.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<PaymentService>().HandleNotificationAsync(YooKassaPaymentProvider.ProviderName, providerPaymentId, Ct);

        Assert.Equal(NotificationOutcome.Applied, outcome);
        Assert.Equal(new[] { $"GET /v3/payments/{providerPaymentId}" }, _yookassa.Requests.Skip(callsBefore));
        var invoice = await setup.Parent.Client.GetFromJsonAsync<JsonElement>($"/api/invoices/{invoiceId}", Ct);
        Assert.Equal("paid", invoice.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_replayed_notification_about_a_settled_payment_costs_no_call_to_the_provider()
    {
        var (_, _, providerPaymentId) = await StartYooKassaPaymentAsync();
        _yookassa.Complete(providerPaymentId, succeed: true);
        await using (var first = _api.Services.CreateAsyncScope())
        {
            Assert.Equal(NotificationOutcome.Applied, await first.ServiceProvider.GetRequiredService<PaymentService>()
                .HandleNotificationAsync(YooKassaPaymentProvider.ProviderName, providerPaymentId, Ct));
        }

        var callsBefore = _yookassa.Requests.Count;
        await using var scope = _api.Services.CreateAsyncScope();
        var payments = scope.ServiceProvider.GetRequiredService<PaymentService>();
        for (var replay = 0; replay < 5; replay++)
        {
            Assert.Equal(NotificationOutcome.AlreadyApplied, await payments.HandleNotificationAsync(YooKassaPaymentProvider.ProviderName, providerPaymentId, Ct));
        }

        Assert.Equal(callsBefore, _yookassa.Requests.Count);
    }

    /// <summary>A sent invoice (through the shared app) and a YooKassa payment for it started by the api's own service.</summary>
    private async Task<(BillingSetup Setup, Guid InvoiceId, string ProviderPaymentId)> StartYooKassaPaymentAsync()
    {
        var (setup, invoiceId) = await fixture.Billing.CreateSentInvoiceAsync(fixture.People);
        await using var scope = _api.Services.CreateAsyncScope();
        var invoice = await scope.ServiceProvider.GetRequiredService<TheBotDbContext>().Invoices.AsNoTracking().FirstAsync(i => i.Id == invoiceId, Ct);
        var payment = await scope.ServiceProvider.GetRequiredService<PaymentService>().StartAsync(invoice, fixture.Host.WebEndpoint, Ct);
        return (setup, invoiceId, payment.ProviderPaymentId);
    }
}
