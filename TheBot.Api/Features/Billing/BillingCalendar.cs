using TheBot.Api.Features.Invoices;

namespace TheBot.Api.Features.Billing;

/// <summary>The enrollment payment statuses the API reports.</summary>
public enum BillingStatus
{
    /// <summary>Paid until a date more than <see cref="BillingCalendar.DueWindowDays"/> days away.</summary>
    Paid,

    /// <summary>Still paid, but the paid period ends within <see cref="BillingCalendar.DueWindowDays"/> days.</summary>
    Due,

    /// <summary>The paid period has ended.</summary>
    Overdue,

    /// <summary>Never paid.</summary>
    Unpaid,
}

/// <summary>The billing calendar: the centre's today (Moscow), the statuses, and how a payment moves the paid-until date.</summary>
public static class BillingCalendar
{
    /// <summary>How many days before the paid period ends an enrollment is due, and a subscription's renewal is issued.</summary>
    public const int DueWindowDays = 3;

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), MarkOverdueInvoicesJob.CentreTimeZone).DateTime);
    }

    public static BillingStatus StatusOf(DateOnly? paidUntil, DateOnly today) => paidUntil switch
    {
        null => BillingStatus.Unpaid,
        { } until when until < today => BillingStatus.Overdue,
        { } until when until.AddDays(-DueWindowDays) <= today => BillingStatus.Due,
        _ => BillingStatus.Paid,
    };

    /// <summary>Whether a day is paid for: what teachers see.</summary>
    public static bool IsPaid(DateOnly? paidUntil, DateOnly today) => paidUntil >= today;

    /// <summary>One more period, from the later of the paid-until date and today.</summary>
    public static DateOnly Extend(DateOnly? paidUntil, DateOnly today, int weeks)
    {
        var from = paidUntil is { } until && until > today ? until : today;
        return from.AddDays(7 * weeks);
    }
}
