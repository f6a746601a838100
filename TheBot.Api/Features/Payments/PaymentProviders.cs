namespace TheBot.Api.Features.Payments;

/// <summary>Which provider takes new payments (see <see cref="PaymentModeSelection"/>), and each by name.</summary>
public sealed class PaymentProviders(IServiceProvider services, PaymentModeSelection selection)
{
    /// <summary>Null when payments are not configured: nothing may be started or confirmed.</summary>
    public IPaymentProvider? Active => selection.Mode switch
    {
        PaymentMode.YooKassa => services.GetRequiredService<YooKassaPaymentProvider>(),
        PaymentMode.Sandbox => services.GetRequiredService<SandboxPaymentProvider>(),
        _ => null,
    };

    /// <summary>The provider a notification names, if it is the one in use (a sandbox notification is refused when YooKassa is live).</summary>
    public IPaymentProvider? ByName(string name) =>
        Active is { } active && string.Equals(name, active.Name, StringComparison.Ordinal) ? active : null;
}
