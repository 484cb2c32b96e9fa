using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Fees;

/// <summary>
/// The versioning rule shared by prices and consultation fees: a new version may not start in the past, an
/// open-ended version that started earlier is ended the day before the new one, and any other overlap is refused.
/// History is never rewritten, so an agreement can always show the price it was signed with.
/// </summary>
internal static class ValidityVersions
{
    public static void MakeRoom<T>(
        IReadOnlyList<T> versions, Func<T, ValidityPeriod> validityOf, Action<T, DateOnly> endBefore,
        ValidityPeriod next, DateOnly today)
    {
        if (next.From < today)
        {
            throw new DomainException("生效日期不能早于今天：已生效的价格不能追溯修改。");
        }

        var superseded = versions.SingleOrDefault(v => validityOf(v).IsOpenEnded && validityOf(v).From < next.From);
        foreach (var version in versions)
        {
            if (!ReferenceEquals(version, superseded) && validityOf(version).Overlaps(next))
            {
                throw new DomainException("与已有的有效期（{0}）重叠。", validityOf(version).ToString());
            }
        }

        if (superseded is not null)
        {
            endBefore(superseded, next.From);
        }
    }
}
