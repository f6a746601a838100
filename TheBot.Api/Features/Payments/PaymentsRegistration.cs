using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

public static class PaymentsRegistration
{
    /// <summary>The payment mode (sandbox or YooKassa) checked at startup and announced, the providers, webhooks, the sandbox.</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentOptionsValidation>();
        services.AddSingleton<PaymentModeSelection>();
        services.AddSingleton<PaymentWebhookSources>();
        services.AddScoped<PaymentService>();
        services.AddScoped<PaymentProviders>();
        services.AddScoped<SandboxPaymentProvider>();
        services.AddHttpClient<YooKassaPaymentProvider>();
#pragma warning disable EXTEXP0001 // The sender retries on its own, briefly: the payer is waiting on the page.
        services.AddHttpClient<SandboxWebhookSender>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddHostedService<PaymentModeAnnouncement>();
        return services;
    }
}
