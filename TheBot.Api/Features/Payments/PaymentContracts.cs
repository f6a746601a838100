namespace TheBot.Api.Features.Payments;

/// <summary>Where to send the payer (the provider's confirmation page) and the payment that was started.</summary>
public sealed record PayInvoiceResponse(string ConfirmationUrl, Guid PaymentId);

/// <summary>What the sandbox confirmation page shows: what is paid for, how much, and whether it is still to decide.</summary>
public sealed record SandboxPaymentResponse(string Id, string Description, decimal Amount, string Currency, PaymentStatus Status);
