using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Web.Features.Agreements;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>The filings of an agreement in force, moved on through the filing workflow.</summary>
public sealed partial class AgreementBuilder
{
    /// <summary>
    /// Moves the filings of an agreement in force on as planned (see <see cref="FilingPlan"/>), each step through
    /// the filing workflow; returns them as they end up.
    /// </summary>
    public async Task<IReadOnlyList<Filing>> FileAsync(Guid agreementId, FilingPlan civilAffairs, FilingPlan health)
    {
        scope.Db.ChangeTracker.Clear();
        var agreement = await scope.Db.Agreements.AsNoTracking().SingleAsync(a => a.Id == agreementId);
        var home = await scope.Db.ElderCareInstitutions.AsNoTracking().SingleAsync(i => i.Id == agreement.ElderCareInstitutionId);
        var partner = await scope.Db.MedicalInstitutions.AsNoTracking().SingleAsync(i => i.Id == agreement.MedicalInstitutionId);
        await FileAsync(
            agreement, civilAffairs, health, await PartyUserAsync(AgreementParty.ElderCare, home.Id, false),
            await PartyUserAsync(AgreementParty.Medical, partner.Id, partner.IsPrimaryLevel));
        scope.Db.ChangeTracker.Clear();
        return await scope.Db.Filings.AsNoTracking().Include(f => f.History).Where(f => f.AgreementId == agreementId)
            .OrderBy(f => f.Bureau).ToListAsync();
    }

    /// <summary>The plan for each filing: (re)submitted by a party, acknowledged (已备案) or sent back for a
    /// correction (需补正) by its county bureau.</summary>
    private async Task FileAsync(Agreement agreement, FilingPlan civilAffairs, FilingPlan health, PartyUser staff, PartyUser clinic)
    {
        var signedAt = agreement.EffectiveAtUtc!.Value;
        var filings = await scope.Db.Filings.Include(f => f.History)
            .Where(f => f.AgreementId == agreement.Id).OrderBy(f => f.Bureau).ToListAsync();
        foreach (var filing in filings)
        {
            var plan = filing.Bureau == Bureau.CivilAffairs ? civilAffairs : health;
            if (plan.Status == FilingStatus.Pending)
            {
                continue;
            }

            // 甲方 informs the 民政局, 乙方 the 卫生健康局: both are obliged to (2020 guide 六(四)).
            var party = filing.Bureau == Bureau.CivilAffairs ? staff : clinic;
            var at = signedAt.AddDays(plan.SubmittedAfterDays).AddHours(1);
            await StepAsync(at, () => scope.Filings.SubmitAsync(filing, Actor(party), "已上传双方签署的协议文本。"));
            var reviewer = plan.Status == FilingStatus.Submitted && !plan.Corrected ? default : await ReviewerAsync(filing);
            if (plan.Corrected || plan.Status == FilingStatus.Returned)
            {
                var returned = at.AddDays(3);
                await StepAsync(returned, () => scope.Filings.ReturnAsync(
                    filing, reviewer.Role, reviewer.Id, "请补充加盖双方公章的协议扫描件。",
                    Domain.Common.BeijingTime.DateOf(returned).AddDays(plan.CorrectionDays)));
                if (plan.Status == FilingStatus.Returned)
                {
                    continue;
                }

                at = at.AddDays(5);
                await StepAsync(at, () => scope.Filings.SubmitAsync(filing, Actor(party), "已补充加盖双方公章的扫描件。"));
            }

            if (plan.Status == FilingStatus.Accepted)
            {
                await StepAsync(at.AddDays(3), () => scope.Filings.AcceptAsync(filing, reviewer.Role, reviewer.Id));
            }
        }
    }

    private async Task StepAsync(DateTimeOffset at, Func<Task<SaveOutcome>> step)
    {
        At(at);
        if (await step() != SaveOutcome.Saved)
        {
            throw new InvalidOperationException("A demo filing changed while it was being built.");
        }
    }

    private async Task<(RoleAssignment Role, Guid Id)> ReviewerAsync(Filing filing)
    {
        var role = RoleAssignment.CountyRegulator(filing.Bureau, filing.CountyId);
        if (_reviewers.TryGetValue((filing.Bureau, filing.CountyId), out var known))
        {
            return (role, known);
        }

        var id = await scope.Db.Users.Where(u => u.Role == PortalRole.Regulator && u.Bureau == filing.Bureau && u.CountyId == filing.CountyId)
            .OrderBy(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => (Guid?)u.Id).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException($"No {filing.Bureau} regulator account in county {filing.CountyId} to review a demo filing.");
        _reviewers[(filing.Bureau, filing.CountyId)] = id;
        return (role, id);
    }
}
