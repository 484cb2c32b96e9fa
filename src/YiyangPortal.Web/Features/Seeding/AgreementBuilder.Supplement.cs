using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Infrastructure.Persistence;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>补充协议 of an agreement in force, the way the parties make them in the browser.</summary>
public sealed partial class AgreementBuilder
{
    /// <summary>
    /// Builds the 补充协议 <paramref name="story"/> tells of <paramref name="originalId"/> (see <see cref="SupplementStory"/>):
    /// each step a method of the aggregate saved through the agreement workflow, so it carries its audit chain,
    /// notifications, rendered PDFs and filings, and re-syncs the original's stored plan when it comes into force.
    /// </summary>
    public async Task<Agreement> SupplementAsync(Guid originalId, SupplementStory story)
    {
        ArgumentNullException.ThrowIfNull(story);
        scope.Db.ChangeTracker.Clear();
        var original = await scope.Db.Agreements.Include(a => a.Items).Include(a => a.SignatureHistory).SingleAsync(a => a.Id == originalId);
        var existing = await scope.Db.Agreements.Include(a => a.Items).Where(a => a.SupplementToId == originalId).ToListAsync();
        var home = await scope.Db.ElderCareInstitutions.AsNoTracking().SingleAsync(i => i.Id == original.ElderCareInstitutionId);
        var partner = await scope.Db.MedicalInstitutions.AsNoTracking().SingleAsync(i => i.Id == original.MedicalInstitutionId);
        var staff = await PartyUserAsync(AgreementParty.ElderCare, home.Id, primaryLevel: false);
        var clinic = await PartyUserAsync(AgreementParty.Medical, partner.Id, partner.IsPrimaryLevel);
        var effective = original.EffectiveAtUtc ?? throw new InvalidOperationException($"{original.DocumentNumber} is not in force: it takes no supplement.");
        var start = story.At - SecondSignature > effective ? story.At - SecondSignature : effective;
        DateTimeOffset Step(TimeSpan after) => start + after < story.At ? start + after : story.At;

        At(start);
        var county = await CountyAsync(home.CountyId);
        var number = story.DocumentNumber ?? await DocumentCounters.NextAsync(scope.Db, county.DivisionCode, scope.Clock.GetUtcNow());
        var supplement = original.CreateSupplement(Actor(staff), number, existing);
        scope.Db.Agreements.Add(supplement);
        if (story.Adds.Count > 0)
        {
            await AddItemsAsync(supplement, story.Adds, partner, Actor(staff));
        }

        story.Change?.Invoke(supplement, Actor(staff));
        At(Step(Submitting));
        supplement.Submit(Actor(staff), supplement.SupplementBasis(original, existing));
        await SaveAsync(supplement);

        At(Step(Reviewing));
        foreach (var item in supplement.Items)
        {
            supplement.ApproveItem(Actor(clinic), item.Id);
        }

        supplement.Accept(Actor(clinic));
        await SaveAsync(supplement);
        await SignAsync(supplement, Step(Signing), clinic);
        await SignAsync(supplement, story.At, staff);
        await FileAsync(supplement, story.CivilAffairs, story.Health, staff, clinic);
        await ReadOldMessagesAsync(supplement);
        return Done(supplement);
    }
}
