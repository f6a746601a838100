using System.ComponentModel.DataAnnotations;
using TheBot.Api.Features.Users;
using TheBot.Api.Platform.Paging;
using TheBot.Api.Platform.Validation;

namespace TheBot.Api.Features.Invoices;

public sealed record CreateInvoiceRequest(
    [property: Required] Guid? StudentId,
    [property: Required] Guid? ParentId,
    Guid? EnrollmentId,
    [property: Required, Range(typeof(decimal), "0.01", "10000000")] decimal? Amount,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be an ISO 4217 code such as RUB.")] string? Currency,
    [property: Required, MinLength(1), MaxLength(1000)] string Description,
    [property: Required] DateOnly? DueDate);

/// <summary>Drafts only.</summary>
public sealed record UpdateInvoiceRequest(
    [property: Range(typeof(decimal), "0.01", "10000000")] decimal? Amount,
    [property: RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be an ISO 4217 code such as RUB.")] string? Currency,
    [property: MinLength(1), MaxLength(1000)] string? Description,
    DateOnly? DueDate);

public sealed record CancelInvoiceRequest([property: MaxLength(500)] string? Reason);

public sealed record InvoiceResponse(
    Guid Id,
    long Number,
    PersonRef Tutor,
    PersonRef Parent,
    PersonRef Student,
    Guid? EnrollmentId,
    decimal Amount,
    string Currency,
    string Description,
    DateOnly DueDate,
    InvoiceStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? ViewedAt,
    DateTimeOffset? PaidAt,
    DateTimeOffset? CancelledAt)
{
    /// <summary>How people refer to it: INV-000042.</summary>
    public string DisplayNumber => $"INV-{Number:D6}";
}

public sealed record InvoiceHistoryItem(InvoiceStatus? From, InvoiceStatus To, PersonRef? Actor, DateTimeOffset At, string? Note);

public sealed record InvoiceQuery
{
    /// <summary>draft, sent, viewed, overdue, paid or cancelled.</summary>
    [EnumName<InvoiceStatus>]
    public string? Status { get; init; }

    public InvoiceStatus? StatusFilter => WireName.Parse<InvoiceStatus>(Status);

    public Guid? StudentId { get; init; }

    public Guid? ParentId { get; init; }

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, PageRequest.MaxPageSize)]
    public int? PageSize { get; init; }

    public PageRequest Paging => new() { Page = Page, PageSize = PageSize };
}

/// <summary>Money per currency: what is owed now and what came in this month.</summary>
public sealed record InvoiceStatistics(IReadOnlyList<CurrencyTotals> Totals, int Drafts, int Outstanding, int Overdue, int PaidThisMonth);

public sealed record CurrencyTotals(string Currency, decimal Outstanding, decimal Overdue, decimal PaidThisMonth);

