namespace TheBot.Realtime.Contracts;

/// <summary>
/// <c>invoiceChanged</c>: sent to the invoice's tutor and parent whenever it changes (sent, viewed,
/// overdue, paid, cancelled, edited). <see cref="Status"/> is the new status in lower case.
/// </summary>
public sealed record InvoiceChangedEvent(Guid InvoiceId, string Number, string Status, decimal Amount, string Currency);

public static class InvoiceEventNames
{
    public const string InvoiceChanged = "invoiceChanged";
}
