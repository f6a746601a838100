using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;

namespace TheBot.Api.Platform.Paging;

/// <summary><c>?page=&amp;pageSize=</c> on every list: 1-based pages, 20 items by default, 100 at most.</summary>
public sealed record PageRequest
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    public int PageNumber => Page ?? 1;

    public int Size => PageSize ?? DefaultPageSize;

    public int Skip => (PageNumber - 1) * Size;
}

/// <summary>One page of a list and how many items the whole list has.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount)
{
    public int TotalPages => TotalCount == 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;
}

public static class PagingExtensions
{
    /// <summary>
    /// Fetches one page, and counts the whole list only when the page cannot tell: a page that is not full
    /// ends the list (a calendar week, a short list: one query), an empty page beyond the end does not.
    /// </summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var items = await query.Skip(request.Skip).Take(request.Size).ToListAsync(cancellationToken);
        return await items.ToPageAsync(request, () => query, cancellationToken);
    }

    /// <summary>A page already fetched (by a compiled query, say); <paramref name="list"/> is counted only when the page cannot tell.</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(
        this IReadOnlyList<T> items, PageRequest request, Func<IQueryable<T>> list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(list);
        var pageTellsTheTotal = items.Count < request.Size && (items.Count > 0 || request.Skip == 0);
        var total = pageTellsTheTotal ? request.Skip + items.Count : await list().CountAsync(cancellationToken);
        return new PagedResult<T>(items, request.PageNumber, request.Size, total);
    }
}
