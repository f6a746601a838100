using TheBot.Api.Features.Applications;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Features.Notifications.Delivery;
using TheBot.Api.Features.Payments;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Telegram;

public static class TelegramRegistration
{
    /// <summary>
    /// The bot (options checked at startup), linking and its webhook, the outbox channel <c>telegram</c>, the cleanup job;
    /// the staff chats' outbox (the admins' group, the log channel) and what feeds it; the <c>telegram</c> health check.
    /// </summary>
    public static IServiceCollection AddTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
#pragma warning disable EXTEXP0001 // No automatic retries: the outbox retries, after Telegram's retry_after.
        services.AddHttpClient(TelegramBot.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddSingleton<TelegramBot>();
        services.AddScoped<TelegramLinking>();
        services.AddScoped<TelegramWebhook>();
        services.AddSingleton<TelegramChannel>();
        services.AddScoped<IInvoiceChangeObserver, TelegramInvoiceUpdates>();
        services.AddSingleton<INotificationChannel>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddHostedService<TelegramWebhookRegistration>();
        services.AddHostedService<TelegramInvoiceEditor>();
        services.AddScheduledJob<DeleteExpiredTelegramLinksJob>();

        services.AddSingleton<TelegramPostSender>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramPostSender>());
        services.AddScoped<TelegramPosts>();
        services.AddScoped<IApplicationObserver, TelegramApplicationAnnouncer>();
        services.AddScoped<IPaymentObserver, TelegramPaymentLog>();
        services.AddSingleton<IJobFailureObserver, TelegramJobFailureLog>();
        services.AddSingleton<TelegramHealthCheck>();
        services.AddHealthChecks().AddCheck<TelegramHealthCheck>(TelegramHealthCheck.Name);
        return services;
    }
}
