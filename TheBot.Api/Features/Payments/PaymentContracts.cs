namespace TheBot.Api.Features.Payments;

/// <summary>Where to send the payer (the provider's confirmation page) and the payment that was started.</summary>
public sealed record PayInvoiceResponse(string ConfirmationUrl, Guid PaymentId);
