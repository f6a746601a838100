using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TheBot.Api.Features.Payments;
using TheBot.Tests.Fixtures;

namespace TheBot.Tests.Api.Payments;

/// <summary>
/// Which provider takes payments, decided from the configuration keys operators set and the environment, with
/// the api's real registrations (no app is booted for each case: the shared app shows Development, the
/// Production app the default deployment).
/// </summary>
public sealed class PaymentModeTests(TheBotAppFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outside_Development_without_credentials_or_the_switch_no_provider_takes_payments_and_startup_warns_that_paying_is_off()
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Production");

        await using var scope = api.Services.CreateAsyncScope();
        Assert.Null(scope.ServiceProvider.GetRequiredService<PaymentProviders>().Active);
        await api.StartHostedServiceAsync<PaymentModeAnnouncement>(Ct);
        var warning = Assert.Single(api.Logs.From<PaymentModeAnnouncement>());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("not configured", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Payments:YooKassa:ShopId", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_Development_the_sandbox_switch_turns_the_sandbox_on_and_startup_warns_loudly()
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?>
        {
            ["Payments:Sandbox:Enabled"] = "true",
        });

        await using var scope = api.Services.CreateAsyncScope();
        Assert.IsType<SandboxPaymentProvider>(scope.ServiceProvider.GetRequiredService<PaymentProviders>().Active);
        await api.StartHostedServiceAsync<PaymentModeAnnouncement>(Ct);
        var warning = Assert.Single(api.Logs.From<PaymentModeAnnouncement>());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("SANDBOX", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Payments:Sandbox:Enabled", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_Development_the_sandbox_is_what_you_get_without_credentials_and_startup_only_informs()
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Development");

        await using var scope = api.Services.CreateAsyncScope();
        Assert.IsType<SandboxPaymentProvider>(scope.ServiceProvider.GetRequiredService<PaymentProviders>().Active);
        await api.StartHostedServiceAsync<PaymentModeAnnouncement>(Ct);
        Assert.Equal(LogLevel.Information, Assert.Single(api.Logs.From<PaymentModeAnnouncement>()).Level);
    }

    [Fact]
    public async Task YooKassa_credentials_take_payments_whatever_the_sandbox_switch_says()
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?>
        {
            ["Payments:YooKassa:ShopId"] = "100500",
            ["Payments:YooKassa:SecretKey"] = "live_secret",
            ["Payments:Sandbox:Enabled"] = "true",
        });

        await using var scope = api.Services.CreateAsyncScope();
        Assert.IsType<YooKassaPaymentProvider>(scope.ServiceProvider.GetRequiredService<PaymentProviders>().Active);
    }

    [Theory]
    [InlineData("Payments:YooKassa:ShopId", "100500")]
    [InlineData("Payments:YooKassa:SecretKey", "live_secret")]
    public async Task Half_of_the_YooKassa_credentials_stops_the_api_at_startup_instead_of_falling_back(string key, string value)
    {
        await using var api = await InProcessApi.BuildAsync(fixture.Host, "Production", new Dictionary<string, string?> { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => api.Services.GetRequiredService<IOptions<PaymentOptions>>().Value);
        Assert.Contains("Payments:YooKassa:ShopId", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Payments:YooKassa:SecretKey", failure.Message, StringComparison.Ordinal);
    }
}
