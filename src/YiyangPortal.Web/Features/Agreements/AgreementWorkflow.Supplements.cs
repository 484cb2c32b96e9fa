using Microsoft.EntityFrameworkCore;
using YiyangPortal.Documents;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;

namespace YiyangPortal.Web.Features.Agreements;

/// <summary>
/// 补充协议 (2020 guide 九(二)): which version a supplement changes, what it changes, and that it ends with its
/// original — whichever way the original ends (a party's termination, the sweep's expiry).
/// </summary>
public sealed partial class AgreementWorkflow
{
    /// <summary>Every supplement of <paramref name="originalId"/>, with items.</summary>
    public async Task<IReadOnlyList<Agreement>> SupplementsOfAsync(Guid originalId) =>
        await db.Agreements.Include(a => a.Items).Where(a => a.SupplementToId == originalId).OrderBy(a => a.CreatedAtUtc).ToListAsync();

    /// <summary>The version <paramref name="agreement"/> changes; null when it is not a supplement.</summary>
    public async Task<Agreement?> SupplementBasisAsync(Agreement agreement)
    {
        if (agreement.SupplementToId is not { } originalId)
        {
            return null;
        }

        var original = await db.Agreements.Include(a => a.Items).SingleAsync(a => a.Id == originalId);
        return agreement.SupplementBasis(original, await SupplementsOfAsync(originalId));
    }

    /// <summary>What the supplement changes, as it prints them; empty for an agreement that is not a supplement.</summary>
    public async Task<IReadOnlyList<string>> SupplementChangesAsync(Agreement agreement) =>
        await SupplementBasisAsync(agreement) is { } basis ? SupplementChanges.Between(basis, agreement) : [];

    private async Task<SupplementDocument?> SupplementDocumentAsync(Agreement agreement)
    {
        if (agreement.SupplementToId is not { } originalId)
        {
            return null;
        }

        var original = await db.Agreements.Include(a => a.Items).SingleAsync(a => a.Id == originalId);
        var basis = agreement.SupplementBasis(original, await SupplementsOfAsync(originalId));
        return new SupplementDocument(
            AgreementLabels.Of(original.Template), original.DocumentNumber,
            BeijingTime.DateOf(original.EffectiveAtUtc ?? original.CreatedAtUtc), SupplementChanges.Between(basis, agreement));
    }

    /// <summary>
    /// Ends the supplements in force of an original that has just ended (each saved with its own audit entries);
    /// also run by the daily sweep, so a supplement left in force by an interrupted save is ended the next day.
    /// </summary>
    public async Task<int> EndSupplementsWithAsync(Agreement original)
    {
        if (original.IsSupplement || original.Status is not (AgreementStatus.Terminated or AgreementStatus.Expired))
        {
            return 0;
        }

        var today = clock.TodayInBeijing();
        var ended = 0;
        foreach (var supplement in (await SupplementsOfAsync(original.Id)).Where(s => s.Status == AgreementStatus.Effective))
        {
            supplement.EndWithOriginal(original, today);
            if (supplement.Status != AgreementStatus.Effective && await SaveAsync(supplement, null) == SaveOutcome.Saved)
            {
                ended++;
            }
        }

        return ended;
    }

    /// <summary>The sweep's repair: supplements still in force whose original has ended.</summary>
    public async Task<int> EndOrphanedSupplementsAsync(CancellationToken cancellationToken)
    {
        var originals = await db.Agreements
            .Where(o => o.Status == AgreementStatus.Terminated || o.Status == AgreementStatus.Expired)
            .Where(o => db.Agreements.Any(s => s.SupplementToId == o.Id && s.Status == AgreementStatus.Effective))
            .Select(o => o.Id).ToListAsync(cancellationToken);
        var ended = 0;
        foreach (var id in originals)
        {
            db.ChangeTracker.Clear();
            ended += await EndSupplementsWithAsync(await db.Agreements.Include(a => a.Items).SingleAsync(a => a.Id == id, cancellationToken));
        }

        return ended;
    }
}
