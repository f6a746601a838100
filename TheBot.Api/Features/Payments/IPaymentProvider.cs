namespace TheBot.Api.Features.Payments;

/// <summary>A payment provider as the platform uses it: create, look up, refund.</summary>
public interface IPaymentProvider
{
    /// <summary><c>yookassa</c> or <c>sandbox</c>; also the webhook path segment.</summary>
    string Name { get; }

    Task<ProviderPayment> CreateAsync(NewProviderPayment payment, CancellationToken cancellationToken);

    /// <summary>The provider's own view of a payment; null when it has none by that id.</summary>
    Task<ProviderPayment?> GetAsync(string providerPaymentId, CancellationToken cancellationToken);

    Task<ProviderPayment> RefundAsync(string providerPaymentId, decimal amount, string currency, string idempotenceKey, CancellationToken cancellationToken);
}

/// <param name="IdempotenceKey">Sent to the provider so that a retried create never makes two payments.</param>
public sealed record NewProviderPayment(
    string IdempotenceKey, decimal Amount, string Currency, string Description, string ReturnUrl, IReadOnlyDictionary<string, string> Metadata);

/// <param name="Status">The provider's status, normalised.</param>
/// <param name="RawJson">The provider's answer as received, kept with the payment.</param>
public sealed record ProviderPayment(
    string Id, PaymentStatus Status, decimal Amount, string Currency, string? ConfirmationUrl, IReadOnlyDictionary<string, string> Metadata, string RawJson);
