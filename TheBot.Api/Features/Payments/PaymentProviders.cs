using Microsoft.Extensions.Options;

namespace TheBot.Api.Features.Payments;

/// <summary>Which provider takes new payments (YooKassa when configured, else the sandbox), and each by name.</summary>
public sealed class PaymentProviders(IServiceProvider services, IOptions<PaymentOptions> options)
{
    public IPaymentProvider Active => options.Value.UseYooKassa
        ? services.GetRequiredService<YooKassaPaymentProvider>()
        : services.GetRequiredService<SandboxPaymentProvider>();

    /// <summary>The provider a notification names, if it is the one in use (a sandbox notification is refused when YooKassa is live).</summary>
    public IPaymentProvider? ByName(string name) =>
        string.Equals(name, Active.Name, StringComparison.Ordinal) ? Active : null;
}
