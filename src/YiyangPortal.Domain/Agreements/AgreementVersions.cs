using YiyangPortal.Domain.Common;

namespace YiyangPortal.Domain.Agreements;

/// <summary>
/// One version of an agreement and the service days it governs: the original, or a 补充协议 in force from the Beijing
/// day it came into force until the day before the next one did (ADR 043, ADR 045).
/// </summary>
public sealed record AgreementVersion(Agreement Agreement, DateOnly From, DateOnly To)
{
    /// <summary>Whether a 补充协议 (not the original) governs these days.</summary>
    public bool IsSupplement => Agreement.IsSupplement;
}

/// <summary>
/// The versions of an original over its service days (2020 guide 九(二): 如有重大调整，应当及时签订补充协议): the one
/// slicing the service plan (<c>ServicePlan.Of</c>) and the fee instalments (<c>FeeInstalments.Of</c>) read.
/// </summary>
public static class AgreementVersions
{
    /// <summary>
    /// The original from <paramref name="days"/>.From, then each supplement that came into force from its Beijing day
    /// of coming into force (latest last) until the next one did, up to <paramref name="days"/>.To. Supplements of
    /// another agreement or that never came into force are ignored; one in force before the first service day governs
    /// from it. The slices cover the days without gaps or overlaps.
    /// </summary>
    public static IReadOnlyList<AgreementVersion> Of(
        Agreement original, IEnumerable<Agreement> supplements, (DateOnly From, DateOnly To) days)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(supplements);
        var slices = new List<AgreementVersion>();
        var current = original;
        var from = days.From;
        foreach (var supplement in InForce(original, supplements))
        {
            var start = BeijingTime.DateOf(supplement.EffectiveAtUtc!.Value);
            if (start > days.To)
            {
                break;
            }

            if (start > from)
            {
                slices.Add(new AgreementVersion(current, from, start.AddDays(-1)));
                from = start;
            }

            current = supplement;
        }

        slices.Add(new AgreementVersion(current, from, days.To));
        return slices;
    }

    /// <summary>
    /// The supplements of <paramref name="original"/> that came into force, oldest first: the one filter every reading
    /// of versions starts from (those of another agreement or never in force are ignored).
    /// </summary>
    public static IReadOnlyList<Agreement> InForce(Agreement original, IEnumerable<Agreement> supplements)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(supplements);
        return supplements
            .Where(s => s.SupplementToId == original.Id && s.CameIntoForce && s.EffectiveAtUtc is not null)
            .OrderBy(s => s.EffectiveAtUtc)
            .ToList();
    }

    /// <summary>The version governing <paramref name="day"/>, or null when the day is outside them all.</summary>
    public static AgreementVersion? On(IReadOnlyList<AgreementVersion> versions, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.FirstOrDefault(v => v.From <= day && day <= v.To);
    }
}
