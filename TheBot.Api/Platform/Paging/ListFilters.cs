using System.Linq.Expressions;

namespace TheBot.Api.Platform.Paging;

/// <summary>Optional list filters: a query parameter that was given narrows the list, one that was left out does not.</summary>
public static class ListFilters
{
    /// <example><c>lessons.FilteredBy(query.StudentId, id => l => l.StudentId == id)</c></example>
    public static IQueryable<T> FilteredBy<T, TValue>(
        this IQueryable<T> source, TValue? value, Func<TValue, Expression<Func<T, bool>>> predicate)
        where TValue : struct
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(predicate);
        return value is { } given ? source.Where(predicate(given)) : source;
    }

    /// <summary>A text filter: blank or left out does not narrow the list; given, it is trimmed.</summary>
    public static IQueryable<T> FilteredBy<T>(this IQueryable<T> source, string? value, Func<string, Expression<Func<T, bool>>> predicate)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(predicate);
        return string.IsNullOrWhiteSpace(value) ? source : source.Where(predicate(value.Trim()));
    }
}
