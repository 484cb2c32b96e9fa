using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Web.Features.Seeding;

/// <summary>What 甲方 writes into a new draft: the service items from the partner's fee schedule, and the blanks.</summary>
public sealed partial class AgreementBuilder
{
    /// <summary>甲方 adds the wanted catalogue items the partner offers, at its price of the day (none offered: refused).</summary>
    private async Task AddItemsAsync(
        Agreement agreement, IReadOnlyList<(string Code, int Frequency)> wanted, MedicalInstitution partner, AgreementActor staff)
    {
        var codes = wanted.Select(w => w.Code).ToList();
        var before = agreement.Items.Count;
        var day = BeijingTime.DateOf(staff.AtUtc);
        var prices = await (
            from p in scope.Db.ServicePrices.AsNoTracking()
            join s in scope.Db.FeeSchedules on p.FeeScheduleId equals s.Id
            join i in scope.Db.ServiceItems on p.ServiceItemId equals i.Id
            where s.MedicalInstitutionId == partner.Id && i.IsActive && codes.Contains(i.Code)
                  && p.ValidFrom <= day && (p.ValidTo == null || p.ValidTo >= day)
            select new { Item = i, Price = p }).ToListAsync();
        foreach (var (code, frequency) in wanted)
        {
            if (prices.Find(c => c.Item.Code == code) is { } c)
            {
                agreement.AddItem(staff, ServiceItemSnapshot.Of(c.Item, c.Price), frequency);
            }
        }

        if (agreement.Items.Count == before)
        {
            throw new InvalidOperationException($"{partner.Name} offers none of {string.Join(", ", codes)} on {day}.");
        }
    }

    /// <summary>
    /// 附件1: 坐诊 and 查房 (clauses 一, 二) and training (六); 附件2: chronic-disease follow-ups (二.3, 基层 only), the
    /// annual check (二.4), 家庭病床 visits (二.5, 基层 only) and carers' training (二.6).
    /// </summary>
    private static IReadOnlyList<(string Code, int Frequency)> DefaultItems(AgreementTemplate template, MedicalInstitution partner) =>
        template == AgreementTemplate.MedicalElderCareConsortium
            ? [("SX1-CLINIC", partner.IsPrimaryLevel ? 4 : 2), ("SX1-ROUNDS", 2), ("SX1-TRAIN", 4)]
            : partner.IsPrimaryLevel
                ? [("SX2-CHRONIC-FOLLOWUP", 4), ("SX2-CHECKUP", 1), ("SICKBED-VISIT", 24), ("SX2-CARER-TRAIN", 4)]
                : [("SX2-CHECKUP", 1), ("SX2-CARER-TRAIN", 4), ("REFERRAL", 12)];

    /// <summary>Every blank of the template filled the way a careful drafter would, clauses matching the schedule.</summary>
    private async Task<AgreementTerms> TermsAsync(
        AgreementStory story, AgreementTerms prefilled, ElderCareInstitution home, MedicalInstitution partner,
        string elderCareSigner, string medicalSigner, DateOnly signing)
    {
        var terms = prefilled with { ElderCareRepresentative = elderCareSigner, MedicalRepresentative = medicalSigner };
        if (story.HealthBureauOfPartnerCounty)
        {
            var counties = await scope.Db.Counties.AsNoTracking().Where(c => c.Id == home.CountyId || c.Id == partner.CountyId).ToListAsync();
            terms = (terms with { HealthBureauCountyId = partner.CountyId })
                .WithBureaus(counties.Single(c => c.Id == home.CountyId), counties.Single(c => c.Id == partner.CountyId));
        }

        if (story.Template != AgreementTemplate.MedicalElderCareConsortium)
        {
            return terms;
        }

        var items = story.Items ?? DefaultItems(story.Template, partner);
        var fees = await scope.Db.ConsultationFees.AsNoTracking()
            .Where(f => scope.Db.FeeSchedules.Any(s => s.Id == f.FeeScheduleId && s.MedicalInstitutionId == partner.Id)
                        && f.ValidFrom <= signing && (f.ValidTo == null || f.ValidTo >= signing))
            .ToDictionaryAsync(f => f.Title, f => f.Price);
        var month = new DateOnly(signing.Year, signing.Month, 1);
        return terms with
        {
            // 附件1 一: the home's own 内设医疗机构 where it has one, otherwise the clinic's 医务室 (绍市民〔2024〕6号 二.2).
            ClinicSite = home.HasInternalMedicalInstitution ? ClinicSite.InternalMedicalInstitution : ClinicSite.ExtendedClinicRoom,
            ClinicSessionsPerMonth = items.FirstOrDefault(i => i.Code == "SX1-CLINIC").Frequency is > 0 and var s ? s : 4,
            ClinicDoctorCount = partner.IsPrimaryLevel ? 1 : 2,
            WardRoundsPerMonth = items.FirstOrDefault(i => i.Code == "SX1-ROUNDS").Frequency is > 0 and var r ? r : 2,
            WardRoundDoctorCount = 1,
            SeniorConsultationFee = fees.GetValueOrDefault(ProfessionalTitle.Senior, Money.FromYuan(300m)),
            AssociateSeniorConsultationFee = fees.GetValueOrDefault(ProfessionalTitle.AssociateSenior, Money.FromYuan(180m)),
            IntermediateConsultationFee = fees.GetValueOrDefault(ProfessionalTitle.Intermediate, Money.FromYuan(120m)),
            MedicalCostPayment = MedicalCostPayment.ResidentPays,

            // A fee in proportion to the home's size: 300 元 a bed and year, in whole thousands, at least 6,000 元.
            AnnualHealthServiceFee = Money.FromYuan(Math.Max(6_000m, Math.Round(home.Beds * 300m / 1000m) * 1000m)),
            PublishAnnualHealthServiceFee = story.PublishAnnualFee,
            Term = story.Term ?? new ValidityPeriod(month, month.AddYears(1).AddDays(-1)),
        };
    }
}
