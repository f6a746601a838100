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
/// <param name="SavePaymentMethod">Ask the provider to keep the payer's method for later charges (YooKassa's <c>save_payment_method</c>).</param>
/// <param name="PaymentMethodId">Charge this saved method without the payer (YooKassa's <c>payment_method_id</c>): no confirmation page.</param>
public sealed record NewProviderPayment(
    string IdempotenceKey, decimal Amount, string Currency, string Description, string ReturnUrl, IReadOnlyDictionary<string, string> Metadata,
    bool SavePaymentMethod = false, string? PaymentMethodId = null);

/// <param name="Status">The provider's status, normalised.</param>
/// <param name="RawJson">The provider's answer as received, kept with the payment.</param>
/// <param name="SavedPaymentMethodId">The method the provider saved with this payment (<c>payment_method.saved</c>), if it did.</param>
/// <param name="CancellationReason">Why the provider cancelled it (<c>cancellation_details.reason</c>), if it did.</param>
public sealed record ProviderPayment(
    string Id, PaymentStatus Status, decimal Amount, string Currency, string? ConfirmationUrl, IReadOnlyDictionary<string, string> Metadata, string RawJson,
    string? SavedPaymentMethodId = null, string? CancellationReason = null);
