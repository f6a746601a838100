using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Invoices;

public static class InvoicesRegistration
{
    /// <summary>Invoice events (realtime and notifications after a change) and the job that marks overdue invoices.</summary>
    public static IServiceCollection AddInvoices(this IServiceCollection services)
    {
        services.AddScoped<InvoiceEvents>();
        services.AddScheduledJob<MarkOverdueInvoicesJob>();
        return services;
    }
}
