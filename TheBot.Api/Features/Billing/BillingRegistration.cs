using TheBot.Api.Features.Payments;
using TheBot.Api.Platform.Jobs;

namespace TheBot.Api.Features.Billing;

public static class BillingRegistration
{
    /// <summary>Period invoices, the payment observer that extends paid periods, and the subscriptions' renewal job.</summary>
    public static IServiceCollection AddBilling(this IServiceCollection services)
    {
        services.AddScoped<PeriodInvoices>();
        services.AddScoped<IPaymentObserver, BillingPaymentObserver>();
        services.AddScheduledJob<RenewSubscriptionsJob>();
        return services;
    }

    public static IEndpointRouteBuilder MapBillingApi(this IEndpointRouteBuilder api)
    {
        api.MapPricesApi();
        api.MapEnrollmentBillingApi();
        api.MapRefundsApi();
        api.MapBillingReportsApi();
        return api;
    }
}
