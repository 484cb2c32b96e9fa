using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Shared;

namespace YiyangPortal.IntegrationTests;

/// <summary>An item's frequency, its price and money read the same on every page, in the public list and in the PDF.</summary>
public class UnitsAndAmountsTests
{
    [Theory]
    [InlineData(ServiceUnit.PerVisit, "12 次/年", "1,200.00 元/次")]
    [InlineData(ServiceUnit.TimesPerWeek, "12 次/周", "1,200.00 元/次")]
    [InlineData(ServiceUnit.TimesPerMonth, "12 次/月", "1,200.00 元/次")]
    [InlineData(ServiceUnit.TimesPerYear, "12 次/年", "1,200.00 元/次")]
    [InlineData(ServiceUnit.PerPerson, "12 人次/年", "1,200.00 元/人次")]
    [InlineData(ServiceUnit.PerMonth, "12 份/月", "1,200.00 元/月")]
    [InlineData(ServiceUnit.PerYear, "12 份/年", "1,200.00 元/年")]
    [InlineData(ServiceUnit.PerBedDay, "12 床日/年", "1,200.00 元/床日")]
    public void EveryUnit_HasOneFrequencyText_AndOnePriceText(ServiceUnit unit, string frequency, string price)
    {
        Assert.Equal(frequency, CatalogueLabels.Frequency(12, unit));
        Assert.Equal(price, CatalogueLabels.Price(Money.FromYuan(1200m), unit));
        Assert.Equal("免费或按医保规定", CatalogueLabels.Price(null, unit));
    }

    [Fact]
    public void Money_HasThousandsSeparatorsAndTwoDecimals_OrADash()
    {
        Assert.Equal("36,000.00", Amounts.Yuan(Money.FromYuan(36_000m)));
        Assert.Equal("0.50", Amounts.Yuan(Money.FromYuan(0.5m)));
        Assert.Equal("—", Amounts.Yuan(null));
    }

    [Fact]
    public void Pdf_PrintsTheFrequencyWithItsPeriod_AndWhatThePriceIsFor()
    {
        var tenant = Guid.NewGuid();
        var contact = new InstitutionContact("绍兴市越城区解放北路 188 号", "王建国", "李秀英", "0575-88000001");
        var elderCare = new ElderCareInstitution(tenant, new ElderCareInstitutionDetails(
            Guid.NewGuid(), "福乐养老院", ElderCareInstitutionKind.NursingHome, "330602YL2024001",
            UnifiedSocialCreditCode.Complete("52330602MJ0000001"), 200, 86, false, contact));
        var medical = new MedicalInstitution(tenant, new MedicalInstitutionDetails(
            Guid.NewGuid(), "塔山街道社区卫生服务中心", MedicalInstitutionKind.CommunityHealthCenter, HospitalGrade.Level1,
            "PDY0000133060212A1001", null, false, true, contact));
        var staff = AgreementActor.ElderCare(Guid.NewGuid(), new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero));
        var agreement = Agreement.Draft(
            tenant, elderCare.Id, medical.Id, AgreementTemplate.ProjectCooperation, "SX-TEST-0001", new AgreementTerms(), staff);
        agreement.AddItem(staff, new ServiceItemSnapshot(
            Guid.NewGuid(), Guid.NewGuid(), ServiceCategory.DiagnosisAndTreatment, "协议外上门出诊", ServiceUnit.PerVisit,
            Funding.SelfPaid, Money.FromYuan(50m)), 12);
        agreement.AddItem(staff, new ServiceItemSnapshot(
            Guid.NewGuid(), Guid.NewGuid(), ServiceCategory.DiagnosisAndTreatment, "坐诊咨询", ServiceUnit.TimesPerMonth,
            Funding.CooperationFee, Money.FromYuan(260m)), 4);

        var rows = AgreementPdf.Model(agreement, elderCare, medical, "https://example.test/verify/SX-TEST-0001", draft: true).ServiceItems;

        Assert.Equal(("12 次/年", "次"), (rows[0].Frequency, rows[0].Unit));
        Assert.Equal(("4 次/月", "次"), (rows[1].Frequency, rows[1].Unit));
    }
}
