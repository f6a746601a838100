using Microsoft.Extensions.Options;
using TheBot.Api.Features.Payments;

namespace TheBot.Tests.Api.Payments;

/// <summary>The YooKassa client against a fake of YooKassa's documented HTTP API.</summary>
public sealed class YooKassaProviderTests : IAsyncLifetime
{
    private FakeYooKassa _yookassa = default!;
    private HttpClient _http = default!;

    public async ValueTask InitializeAsync()
    {
        _yookassa = await FakeYooKassa.StartAsync();
        _http = new HttpClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _yookassa.DisposeAsync();
    }

    [Fact]
    public async Task A_payment_is_created_with_an_idempotence_key_and_a_retry_returns_the_same_one()
    {
        var provider = Provider(FakeYooKassa.SecretKey);
        var request = new NewProviderPayment("key-" + Guid.NewGuid().ToString("N"), 4500.5m, "RUB", "INV-000001: уроки", "https://thebot.example/invoices/1",
            new Dictionary<string, string> { ["invoice_id"] = "1" });

        var first = await provider.CreateAsync(request, TestContext.Current.CancellationToken);
        var retry = await provider.CreateAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(first.Id, retry.Id);
        Assert.Equal(PaymentStatus.Pending, first.Status);
        Assert.Equal(4500.5m, first.Amount);
        Assert.Equal("RUB", first.Currency);
        Assert.StartsWith("https://yoomoney.ru/", first.ConfirmationUrl, StringComparison.Ordinal);
        Assert.Equal("1", first.Metadata["invoice_id"]);
        Assert.All(_yookassa.IdempotenceKeysSeen, k => Assert.Equal(request.IdempotenceKey, k));
    }

    [Fact]
    public async Task A_method_saved_with_a_paid_payment_is_charged_later_without_the_payer_and_a_decline_says_why()
    {
        var provider = Provider(FakeYooKassa.SecretKey);
        var ct = TestContext.Current.CancellationToken;
        var first = await provider.CreateAsync(new NewProviderPayment(Guid.NewGuid().ToString("N"), 2000m, "RUB", "first period", "https://thebot.example/",
            new Dictionary<string, string>(), SavePaymentMethod: true), ct);
        Assert.Null(first.SavedPaymentMethodId);
        _yookassa.Complete(first.Id, succeed: true);
        var saved = (await provider.GetAsync(first.Id, ct))!.SavedPaymentMethodId;
        Assert.NotNull(saved);

        var renewal = await provider.CreateAsync(new NewProviderPayment("sub-1-20270101-1", 2000m, "RUB", "renewal", "",
            new Dictionary<string, string>(), PaymentMethodId: saved), ct);
        var declined = await provider.CreateAsync(new NewProviderPayment("sub-2-20270101-1", 2000m, "RUB", "renewal", "",
            new Dictionary<string, string>(), PaymentMethodId: "declined-card"), ct);

        Assert.Equal(PaymentStatus.Succeeded, renewal.Status);
        Assert.Null(renewal.ConfirmationUrl);
        Assert.Equal(PaymentStatus.Canceled, declined.Status);
        Assert.Equal("card_expired", declined.CancellationReason);
    }

    [Fact]
    public async Task The_status_is_read_from_the_provider_and_a_succeeded_payment_can_be_refunded()
    {
        var provider = Provider(FakeYooKassa.SecretKey);
        var created = await provider.CreateAsync(
            new NewProviderPayment(Guid.NewGuid().ToString("N"), 100m, "RUB", "test", "https://thebot.example/", new Dictionary<string, string>()),
            TestContext.Current.CancellationToken);
        _yookassa.Complete(created.Id, succeed: true);

        var read = await provider.GetAsync(created.Id, TestContext.Current.CancellationToken);
        var refund = await provider.RefundAsync(created.Id, 100m, "RUB", Guid.NewGuid().ToString("N"), TestContext.Current.CancellationToken);

        Assert.Equal(PaymentStatus.Succeeded, read!.Status);
        Assert.Equal(PaymentStatus.Refunded, refund.Status);
        Assert.Null(await provider.GetAsync("no-such-payment", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Wrong_credentials_are_an_error_not_a_payment()
    {
        var provider = Provider("wrong");

        await Assert.ThrowsAsync<PaymentProviderException>(() => provider.CreateAsync(
            new NewProviderPayment(Guid.NewGuid().ToString("N"), 1m, "RUB", "x", "https://thebot.example/", new Dictionary<string, string>()),
            TestContext.Current.CancellationToken));
    }

    private YooKassaPaymentProvider Provider(string secretKey) => new(_http, Options.Create(new PaymentOptions
    {
        YooKassa = new YooKassaOptions { ShopId = FakeYooKassa.ShopId, SecretKey = secretKey, BaseUrl = _yookassa.BaseUrl },
    }));
}
