using TheBot.Api.Features.Invoices;

namespace TheBot.Api.Features.Payments;

/// <summary>
/// Another feature that follows payments (Telegram: the admin log channel). <see cref="SucceededAsync"/> runs inside the
/// payment's transaction before its save, so what it stages in the scope's database context is written with the
/// payment; <see cref="Committed"/> after the commit (it must not throw).
/// </summary>
public interface IPaymentObserver
{
    Task SucceededAsync(Payment payment, Invoice invoice, CancellationToken cancellationToken);

    void Committed();
}
