using Microsoft.Extensions.Options;
using TheBot.Api.Features.Payments;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Invoices;

public static class InvoicesRegistration
{
    public static IServiceCollection AddInvoicesAndPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentOptions>().Bind(configuration.GetSection(PaymentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PaymentOptions>, PaymentOptionsValidation>();
        services.AddSingleton<PaymentModeSelection>();
        services.AddSingleton<PaymentWebhookSources>();
        services.AddScoped<InvoiceEvents>();
        services.AddScoped<PaymentService>();
        services.AddScoped<PaymentProviders>();
        services.AddScoped<SandboxPaymentProvider>();
        services.AddHttpClient<YooKassaPaymentProvider>();
#pragma warning disable EXTEXP0001 // The sender retries on its own, briefly: the payer is waiting on the page.
        services.AddHttpClient<SandboxWebhookSender>().RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddScheduledJob<MarkOverdueInvoicesJob>();
        services.AddHostedService<PaymentModeAnnouncement>();
        return services;
    }
}
