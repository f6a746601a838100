using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TheBot.Api.Data;
using TheBot.Api.Features.Invoices;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// Starts payments and applies providers' notifications exactly once: a notification is looked up here first
/// (unknown and settled payments cost no call to the provider), then the provider is asked for the payment's
/// real state (a notification's body is never trusted), and the payment row is locked while the outcome is
/// applied, so duplicate or concurrent notifications change nothing the second time.
/// </summary>
public sealed partial class PaymentService(
    TheBotDbContext db,
    PaymentProviders providers,
    InvoiceEvents invoiceEvents,
    IEnumerable<IPaymentObserver> observers,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<PaymentService> logger)
{
    /// <summary>A payment for the invoice: the pending one if there is one, else a new one with the active provider.</summary>
    public Task<Payment> StartAsync(Invoice invoice, Uri publicBaseUrl, CancellationToken cancellationToken) =>
        StartAsync(invoice, publicBaseUrl, savePaymentMethod: false, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(Invoice, Uri, CancellationToken)"/>; with <paramref name="savePaymentMethod"/> the provider is asked to keep
    /// the payer's method for later charges (a subscription's renewals).
    /// </summary>
    public async Task<Payment> StartAsync(Invoice invoice, Uri publicBaseUrl, bool savePaymentMethod, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);

        var provider = providers.Active ?? throw new InvalidOperationException("Payments are not configured; callers check PaymentProviders.Active first.");
        var pending = await db.Payments.AsNoTracking()
            .Where(p => p.InvoiceId == invoice.Id && p.Status == PaymentStatus.Pending && p.Provider == provider.Name
                && p.Amount == invoice.Amount && p.Currency == invoice.Currency)
            .OrderByDescending(p => p.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (pending is not null)
        {
            return pending;
        }

        var paymentId = Guid.CreateVersion7();
        var returnUrl = new Uri(options.Value.PublicBaseUrl ?? publicBaseUrl,
            options.Value.ReturnPath.Replace("{invoiceId}", invoice.Id.ToString(), StringComparison.Ordinal)).ToString();
        var created = await provider.CreateAsync(new NewProviderPayment(
            IdempotenceKey: paymentId.ToString("N"),
            invoice.Amount,
            invoice.Currency,
            $"{invoice.DisplayNumber}: {invoice.Description}",
            returnUrl,
            new Dictionary<string, string> { ["invoice_id"] = invoice.Id.ToString(), ["payment_id"] = paymentId.ToString() },
            SavePaymentMethod: savePaymentMethod), cancellationToken);

        var now = clock.GetUtcNow();
        var payment = Started(paymentId, invoice, provider.Name, created, now, "created", null);
        payment.ConfirmationUrl = created.ConfirmationUrl is { } url ? new Uri(options.Value.PublicBaseUrl ?? publicBaseUrl, url).ToString() : null;
        db.Payments.Add(payment);
        await db.SaveChangesAsync(cancellationToken);
        LogStarted(payment.Id, invoice.Id, provider.Name);
        return payment;
    }

    /// <summary>Applies what the provider says about one of its payments.</summary>
    public async Task<NotificationOutcome> HandleNotificationAsync(string providerName, string providerPaymentId, CancellationToken cancellationToken)
    {
        var provider = providers.ByName(providerName);
        if (provider is null)
        {
            return NotificationOutcome.UnknownPayment;
        }

        // Only payments this platform started are worth a call to the provider: an id nobody here knows is
        // answered from the database, and a settled payment has nothing left to learn.
        var local = await db.Payments.AsNoTracking()
            .Where(p => p.Provider == provider.Name && p.ProviderPaymentId == providerPaymentId)
            .Select(p => (PaymentStatus?)p.Status)
            .FirstOrDefaultAsync(cancellationToken);
        if (local is null)
        {
            LogForged(providerName, providerPaymentId);
            return NotificationOutcome.UnknownPayment;
        }

        if (local != PaymentStatus.Pending)
        {
            return NotificationOutcome.AlreadyApplied;
        }

        var remote = await provider.GetAsync(providerPaymentId, cancellationToken);
        if (remote is null || !string.Equals(remote.Id, providerPaymentId, StringComparison.Ordinal))
        {
            LogForged(providerName, providerPaymentId);
            return NotificationOutcome.UnknownPayment;
        }

        Invoice? changedInvoice = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken))
        {
            // The row lock serialises duplicate and concurrent notifications: the second waits here,
            // then finds the payment settled.
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT 1 FROM payments WHERE provider = {provider.Name} AND provider_payment_id = {remote.Id} FOR UPDATE", cancellationToken);
            var payment = await db.Payments.FirstOrDefaultAsync(p => p.Provider == provider.Name && p.ProviderPaymentId == remote.Id, cancellationToken);
            if (payment is null)
            {
                LogForged(providerName, providerPaymentId);
                return NotificationOutcome.UnknownPayment;
            }

            var now = clock.GetUtcNow();
            if (payment.IsFinal || remote.Status == PaymentStatus.Pending)
            {
                await transaction.CommitAsync(cancellationToken);
                return NotificationOutcome.AlreadyApplied;
            }

            if (remote.Status == PaymentStatus.Canceled)
            {
                Settle(payment, PaymentStatus.Canceled, "notification", "the payer or the provider cancelled", remote.RawJson, now);
            }
            else
            {
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM invoices WHERE id = {payment.InvoiceId} FOR UPDATE", cancellationToken);
                var invoice = await db.Invoices.FirstAsync(i => i.Id == payment.InvoiceId, cancellationToken);
                if (remote.Amount != invoice.Amount || remote.Currency != invoice.Currency
                    || remote.Amount != payment.Amount || remote.Currency != payment.Currency)
                {
                    await RefundAsync(provider, payment, remote, $"amount {remote.Amount} {remote.Currency} does not match the invoice's {invoice.Amount} {invoice.Currency}", now, cancellationToken);
                }
                else if (!invoice.IsPayable)
                {
                    await RefundAsync(provider, payment, remote, $"the invoice is already {WireName.Of(invoice.Status)}", now, cancellationToken);
                }
                else
                {
                    InvoiceWorkflow.MarkPaid(invoice, now, $"paid through {provider.Name} ({remote.Id})");
                    Settle(payment, PaymentStatus.Succeeded, "notification", null, remote.RawJson, now);
                    payment.SavedPaymentMethodId = remote.SavedPaymentMethodId;
                    changedInvoice = invoice;
                    foreach (var observer in observers)
                    {
                        await observer.SucceededAsync(payment, invoice, cancellationToken);
                    }
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogApplied(payment.Id, payment.Status);
        }

        if (changedInvoice is not null)
        {
            foreach (var observer in observers)
            {
                observer.Committed();
            }

            await invoiceEvents.ChangedAsync(changedInvoice, cancellationToken);
        }

        return NotificationOutcome.Applied;
    }

    /// <summary>
    /// Charges a saved payment method for the invoice without the payer, then applies the provider's answer through the same
    /// path as a notification (so the invoice is paid, and its observers run, exactly once). The provider gets
    /// <paramref name="idempotenceKey"/>: the same key is the same charge, never a second one.
    /// </summary>
    public async Task<SavedMethodCharge> ChargeSavedMethodAsync(Invoice invoice, string paymentMethodId, string idempotenceKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var provider = providers.Active ?? throw new InvalidOperationException("Payments are not configured; callers check PaymentProviders.Active first.");
        var paymentId = Guid.CreateVersion7();
        var created = await provider.CreateAsync(new NewProviderPayment(
            idempotenceKey,
            invoice.Amount,
            invoice.Currency,
            $"{invoice.DisplayNumber}: {invoice.Description}",
            ReturnUrl: "",
            new Dictionary<string, string> { ["invoice_id"] = invoice.Id.ToString(), ["payment_id"] = paymentId.ToString() },
            PaymentMethodId: paymentMethodId), cancellationToken);

        if (!await db.Payments.AnyAsync(p => p.Provider == provider.Name && p.ProviderPaymentId == created.Id, cancellationToken))
        {
            var payment = Started(paymentId, invoice, provider.Name, created, clock.GetUtcNow(), "charge", "a saved payment method");
            db.Payments.Add(payment);
            await db.SaveChangesAsync(cancellationToken);
            LogStarted(payment.Id, invoice.Id, provider.Name);
        }

        await HandleNotificationAsync(provider.Name, created.Id, cancellationToken);
        var status = await db.Payments.AsNoTracking()
            .Where(p => p.Provider == provider.Name && p.ProviderPaymentId == created.Id)
            .Select(p => p.Status)
            .FirstAsync(cancellationToken);
        return new SavedMethodCharge(status, created.CancellationReason);
    }

    private async Task RefundAsync(IPaymentProvider provider, Payment payment, ProviderPayment remote, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var refund = await provider.RefundAsync(remote.Id, remote.Amount, remote.Currency, $"{payment.Id:N}-refund", cancellationToken);
        Settle(payment, PaymentStatus.Refunded, "refund", reason, refund.RawJson, now);
        LogRefunded(payment.Id, reason);
    }

    private void Settle(Payment payment, PaymentStatus status, string source, string? note, string raw, DateTimeOffset now)
    {
        payment.Status = status;
        payment.UpdatedAt = now;
        db.PaymentEvents.Add(Event(payment, source, note, raw, now));
    }

    /// <summary>A payment the provider has just created for the whole invoice, with its first event.</summary>
    private static Payment Started(Guid id, Invoice invoice, string provider, ProviderPayment created, DateTimeOffset now, string source, string? note)
    {
        var payment = new Payment
        {
            Id = id,
            InvoiceId = invoice.Id,
            Provider = provider,
            ProviderPaymentId = created.Id,
            Amount = invoice.Amount,
            Currency = invoice.Currency,
            CreatedAt = now,
            UpdatedAt = now,
        };
        payment.Events.Add(Event(payment, source, note, created.RawJson, now));
        return payment;
    }

    private static PaymentEvent Event(Payment payment, string source, string? note, string raw, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PaymentId = payment.Id,
        Status = payment.Status,
        Source = source,
        Note = note,
        ProviderResponse = raw,
        At = now,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} for invoice {InvoiceId} started with {Provider}")]
    private partial void LogStarted(Guid paymentId, Guid invoiceId, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment {PaymentId} is now {Status}")]
    private partial void LogApplied(Guid paymentId, PaymentStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {PaymentId} refunded: {Reason}")]
    private partial void LogRefunded(Guid paymentId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Provider} notification about payment {ProviderPaymentId}: no such payment")]
    private partial void LogForged(string provider, string providerPaymentId);
}

/// <summary>How a charge of a saved method ended: succeeded, still pending (the provider notifies later), or cancelled and why.</summary>
public sealed record SavedMethodCharge(PaymentStatus Status, string? CancellationReason);

public enum NotificationOutcome
{
    Applied,
    AlreadyApplied,
    UnknownPayment,
}
