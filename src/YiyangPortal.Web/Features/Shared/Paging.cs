using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace YiyangPortal.Web.Features.Shared;

/// <summary>One page of a server-side paged list. Counting stops at <see cref="CountCap"/> (shown as "10000+").</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int Page, int Pages)
{
    public const int PageSize = 20;
    public const int CountCap = 10_000;

    public string TotalText => Total > CountCap ? $"{CountCap}+" : Total.ToString(CultureInfo.InvariantCulture);
}

public static class Paging
{
    /// <summary>
    /// Pages a filtered query: the count runs on the bare filter (no join, no sort — an index-only count up to the
    /// cap), the rows through <paramref name="orderAndProject"/>. An out-of-range page number is clamped. The first
    /// page is read first: when it is not full it is the whole list, and no count is needed (one query, not two).
    /// </summary>
    public static async Task<Paged<T>> ToPageAsync<TSource, T>(
        this IQueryable<TSource> filtered, Func<IQueryable<TSource>, IQueryable<T>> orderAndProject, int page,
        CancellationToken cancellationToken = default)
    {
        if (page <= 1)
        {
            var first = await orderAndProject(filtered).Take(Paged<T>.PageSize).ToListAsync(cancellationToken);
            if (first.Count < Paged<T>.PageSize)
            {
                return new Paged<T>(first, first.Count, 1, 1);
            }

            var counted = await filtered.Take(Paged<T>.CountCap + 1).CountAsync(cancellationToken);
            return new Paged<T>(first, counted, 1, Pages(counted));
        }

        var total = await filtered.Take(Paged<T>.CountCap + 1).CountAsync(cancellationToken);
        var pages = Pages(total);
        page = Math.Clamp(page, 1, pages);
        var rows = await orderAndProject(filtered).Skip((page - 1) * Paged<T>.PageSize).Take(Paged<T>.PageSize).ToListAsync(cancellationToken);
        return new Paged<T>(rows, total, page, pages);
    }

    private static int Pages(int total) =>
        Math.Max(1, (Math.Min(total, Paged<int>.CountCap) + Paged<int>.PageSize - 1) / Paged<int>.PageSize);

    /// <summary>Backslash is PostgreSQL's default LIKE escape (an ESCAPE clause would defeat the trigram index).</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
