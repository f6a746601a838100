using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Enrollments;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;

namespace TheBot.Api.Features.Billing;

public sealed record SetPriceRequest(
    [property: Required] Guid? SubjectId,
    Guid? TeacherId,
    [property: Required, Range(typeof(decimal), "0.01", "10000000")] decimal? Amount,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be an ISO 4217 code such as RUB.")] string? Currency);

public sealed record PriceResponse(
    Guid Id, EnrollmentSubject Subject, PersonRef? Teacher, decimal Amount, string Currency, DateTimeOffset UpdatedAt);

public sealed record PriceQuery
{
    public Guid? SubjectId { get; init; }

    public Guid? TeacherId { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record SetPriceOverrideRequest(
    [property: Required, Range(typeof(decimal), "0.01", "10000000")] decimal? Amount,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be an ISO 4217 code such as RUB.")] string? Currency,
    [property: Required, MinLength(3), MaxLength(500)] string Reason);

public sealed record PriceOverrideResponse(decimal Amount, string Currency, string Reason, DateTimeOffset SetAt);

public sealed record UpdateBillingSettingsRequest([property: Required, Range(1, 52)] int? PeriodWeeks);

public sealed record SubscribeRequest([property: Required, Range(1, 52)] int? EveryWeeks);

public sealed record SubscriptionResponse(
    Guid Id, int EveryWeeks, SubscriptionStatus Status, bool HasSavedPaymentMethod, DateTimeOffset CreatedAt, DateOnly? EndsOn);

/// <summary>An enrollment's billing as its parent, tutor and admins see it: amounts included.</summary>
public sealed record EnrollmentBillingResponse(
    Guid EnrollmentId,
    PersonRef Student,
    EnrollmentSubject Subject,
    PersonRef Teacher,
    int PeriodWeeks,
    DateOnly? PaidUntil,
    BillingStatus Status,
    BillingPrice? Price,
    PriceOverrideResponse? Override,
    SubscriptionResponse? Subscription,
    Guid? OpenInvoiceId);

/// <summary>What a teacher sees of their students' billing: whether it is paid, never amounts.</summary>
public sealed record TeacherEnrollmentPaidResponse(Guid EnrollmentId, PersonRef Student, EnrollmentSubject Subject, bool Paid);

public sealed record BillingEnrollmentQuery
{
    public Guid? StudentId { get; init; }

    public Guid? SubjectId { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

/// <summary>Where to send the parent to pay the period (the existing payment flow), and the invoice.</summary>
public sealed record PayEnrollmentResponse(Guid InvoiceId, decimal Amount, string Currency, string ConfirmationUrl, Guid PaymentId);

/// <summary>A student with lessons booked after the paid period.</summary>
public sealed record LessonsBeyondPaidResponse(
    Guid EnrollmentId, PersonRef Student, EnrollmentSubject Subject, DateOnly? PaidUntil, int Lessons, DateTimeOffset FirstLessonAt);

public sealed record PagingQuery
{
    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

public sealed record CreateRefundRequest(
    [property: Required, Range(typeof(decimal), "0.01", "10000000")] decimal? Amount,
    [property: Required, MinLength(3), MaxLength(500)] string Reason);

public sealed record RefundResponse(Guid Id, Guid InvoiceId, decimal Amount, string Currency, string Reason, PersonRef CreatedBy, DateTimeOffset CreatedAt);

public sealed record RevenueReportQuery
{
    /// <summary>First month, yyyy-MM; twelve months back by default.</summary>
    [RegularExpression(@"^\d{4}-(0[1-9]|1[0-2])$", ErrorMessage = "Use yyyy-MM.")]
    public string? From { get; init; }

    /// <summary>Last month, yyyy-MM; this month by default.</summary>
    [RegularExpression(@"^\d{4}-(0[1-9]|1[0-2])$", ErrorMessage = "Use yyyy-MM.")]
    public string? To { get; init; }

    public Guid? TutorId { get; init; }
}

/// <param name="Month">yyyy-MM.</param>
/// <param name="Revenue">Paid in the month, less refunds made in the month.</param>
/// <param name="Outstanding">Unpaid invoices falling due in the month.</param>
public sealed record RevenueReportRow(PersonRef Tutor, string Month, string Currency, decimal Paid, decimal Refunded, decimal Revenue, decimal Outstanding);
