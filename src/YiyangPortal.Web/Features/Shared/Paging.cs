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
    /// cap), the rows through <paramref name="orderAndProject"/>. An out-of-range page number is clamped.
    /// </summary>
    public static async Task<Paged<T>> ToPageAsync<TSource, T>(
        this IQueryable<TSource> filtered, Func<IQueryable<TSource>, IQueryable<T>> orderAndProject, int page,
        CancellationToken cancellationToken = default)
    {
        var total = await filtered.Take(Paged<T>.CountCap + 1).CountAsync(cancellationToken);
        var pages = Math.Max(1, (Math.Min(total, Paged<T>.CountCap) + Paged<T>.PageSize - 1) / Paged<T>.PageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await orderAndProject(filtered).Skip((page - 1) * Paged<T>.PageSize).Take(Paged<T>.PageSize).ToListAsync(cancellationToken);
        return new Paged<T>(rows, total, page, pages);
    }

    /// <summary>Backslash is PostgreSQL's default LIKE escape (an ESCAPE clause would defeat the trigram index).</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
