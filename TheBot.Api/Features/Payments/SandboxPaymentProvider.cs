using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TheBot.Api.Data;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// A stand-in provider for development, tests and demos: it keeps its payments in the database,
/// confirms them on a page the platform serves, and notifies the platform the way YooKassa does.
/// Its answers have YooKassa's shape, so the same notification handling serves both.
/// </summary>
public sealed class SandboxPaymentProvider(TheBotDbContext db, TimeProvider clock) : IPaymentProvider
{
    public const string ProviderName = "sandbox";

    public string Name => ProviderName;

    /// <summary>
    /// Saved methods whose id starts with this are declined when charged (<c>cancellation_details.reason</c>
    /// <c>card_expired</c>): how tests and demos make a renewal fail.
    /// </summary>
    public const string DecliningMethodPrefix = "sbx_pm_declined";

    /// <summary>The confirmation page's address (relative to the site): a page of the SPA.</summary>
    public static string ConfirmationPath(string paymentId) => $"/payments/sandbox/{Uri.EscapeDataString(paymentId)}";

    public async Task<ProviderPayment> CreateAsync(NewProviderPayment payment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payment);

        var existing = await db.SandboxPayments.AsNoTracking().FirstOrDefaultAsync(p => p.IdempotenceKey == payment.IdempotenceKey, cancellationToken);
        if (existing is not null)
        {
            return ToProvider(existing);
        }

        // A saved method is charged at once, without a confirmation page: succeeded, or declined.
        var declined = payment.PaymentMethodId?.StartsWith(DecliningMethodPrefix, StringComparison.Ordinal) == true;
        var created = new SandboxPayment
        {
            Id = "sbx_" + Guid.NewGuid().ToString("N"),
            Amount = payment.Amount,
            Currency = payment.Currency,
            Description = payment.Description,
            ReturnUrl = payment.ReturnUrl,
            IdempotenceKey = payment.IdempotenceKey,
            MetadataJson = JsonSerializer.Serialize(payment.Metadata),
            CreatedAt = clock.GetUtcNow(),
            SavePaymentMethod = payment.SavePaymentMethod && payment.PaymentMethodId is null,
            PaymentMethodId = payment.PaymentMethodId,
            Status = payment.PaymentMethodId is null ? PaymentStatus.Pending : declined ? PaymentStatus.Canceled : PaymentStatus.Succeeded,
            CancellationReason = declined ? "card_expired" : null,
        };
        db.SandboxPayments.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return ToProvider(created);
    }

    public async Task<ProviderPayment?> GetAsync(string providerPaymentId, CancellationToken cancellationToken)
    {
        var payment = await db.SandboxPayments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerPaymentId, cancellationToken);
        return payment is null ? null : ToProvider(payment);
    }

    public async Task<ProviderPayment> RefundAsync(string providerPaymentId, decimal amount, string currency, string idempotenceKey, CancellationToken cancellationToken)
    {
        var payment = await db.SandboxPayments.FirstAsync(p => p.Id == providerPaymentId, cancellationToken);
        payment.Refunded = true;
        await db.SaveChangesAsync(cancellationToken);
        var raw = new JsonObject
        {
            ["id"] = "sbx_refund_" + idempotenceKey,
            ["payment_id"] = providerPaymentId,
            ["status"] = "succeeded",
            ["amount"] = new JsonObject { ["value"] = amount.ToString("0.00", CultureInfo.InvariantCulture), ["currency"] = currency },
        };
        return new ProviderPayment(providerPaymentId, PaymentStatus.Refunded, amount, currency, null, new Dictionary<string, string>(), raw.ToJsonString());
    }

    /// <summary>The payer chose on the confirmation page. False when the payment is unknown or already decided.</summary>
    public async Task<SandboxPayment?> DecideAsync(string providerPaymentId, bool succeed, CancellationToken cancellationToken)
    {
        // Paying with "save the card" leaves a saved method behind, as YooKassa does.
        var savedMethod = "sbx_pm_" + Guid.NewGuid().ToString("N");
        var changed = await db.SandboxPayments
            .Where(p => p.Id == providerPaymentId && p.Status == PaymentStatus.Pending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Status, succeed ? PaymentStatus.Succeeded : PaymentStatus.Canceled)
                .SetProperty(p => p.PaymentMethodId, p => succeed && p.SavePaymentMethod ? savedMethod : p.PaymentMethodId), cancellationToken);
        return changed == 0 ? null : await db.SandboxPayments.AsNoTracking().FirstAsync(p => p.Id == providerPaymentId, cancellationToken);
    }

    public Task<SandboxPayment?> FindAsync(string providerPaymentId, CancellationToken cancellationToken) =>
        db.SandboxPayments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerPaymentId, cancellationToken);

    /// <summary>The payment as YooKassa would describe it.</summary>
    public static JsonObject Describe(SandboxPayment payment, string confirmationUrl)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var described = Basics(payment, confirmationUrl);
        if (payment.PaymentMethodId is { } methodId)
        {
            described["payment_method"] = new JsonObject
            {
                ["type"] = "bank_card",
                ["id"] = methodId,
                ["saved"] = payment.Status == PaymentStatus.Succeeded,
            };
        }

        if (payment.CancellationReason is { } reason)
        {
            described["cancellation_details"] = new JsonObject { ["party"] = "payment_network", ["reason"] = reason };
        }

        return described;
    }

    private static JsonObject Basics(SandboxPayment payment, string confirmationUrl) => new()
    {
        ["id"] = payment.Id,
        ["status"] = payment.Status switch
        {
            PaymentStatus.Succeeded => "succeeded",
            PaymentStatus.Canceled => "canceled",
            _ => "pending",
        },
        ["paid"] = payment.Status == PaymentStatus.Succeeded,
        ["amount"] = new JsonObject
        {
            ["value"] = payment.Amount.ToString("0.00", CultureInfo.InvariantCulture),
            ["currency"] = payment.Currency,
        },
        ["confirmation"] = new JsonObject { ["type"] = "redirect", ["confirmation_url"] = confirmationUrl },
        ["description"] = payment.Description,
        ["metadata"] = JsonNode.Parse(payment.MetadataJson),
        ["created_at"] = payment.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
        ["test"] = true,
        ["refunded"] = payment.Refunded,
    };

    private static ProviderPayment ToProvider(SandboxPayment payment)
    {
        var confirmation = ConfirmationPath(payment.Id);
        return YooKassaPaymentProvider.Parse(JsonDocument.Parse(Describe(payment, confirmation).ToJsonString()).RootElement);
    }
}
