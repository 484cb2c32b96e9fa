using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Tests.Fees;

public class FeeScheduleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private readonly MedicalInstitution _clinic = TestInstitutions.Medical();
    private readonly FeeSchedule _schedule;
    private readonly ServiceItem _rounds;

    public FeeScheduleTests()
    {
        _schedule = new FeeSchedule(_clinic);
        _rounds = StandardCatalogue.CreateFor(_clinic.TenantId).Single(i => i.Code == "SX1-ROUNDS");
    }

    private Eligibility Publish(ServiceItem item, decimal price, DateOnly from, DateOnly? to = null, Funding funding = Funding.CooperationFee) =>
        _schedule.PublishPrice(item, _clinic, Money.FromYuan(price), item.Unit, funding, new ValidityPeriod(from, to), Today);

    [Fact]
    public void PriceChange_EndsTheOldVersion_AndKeepsIt()
    {
        Publish(_rounds, 200m, Today);
        Publish(_rounds, 260m, Today.AddDays(30));

        Assert.Equal(200m, _schedule.PriceOn(_rounds.Id, Today.AddDays(29))!.Price.Yuan);
        Assert.Equal(260m, _schedule.PriceOn(_rounds.Id, Today.AddDays(30))!.Price.Yuan);
        Assert.Equal(Today.AddDays(29), _schedule.Prices[0].ValidTo);
    }

    [Fact]
    public void OverlappingClosedPeriod_IsRefused()
    {
        Publish(_rounds, 200m, Today, Today.AddDays(60));
        var error = Assert.Throws<DomainException>(() => Publish(_rounds, 220m, Today.AddDays(30)));
        Assert.StartsWith("与已有的有效期", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NewVersionBeforeAnExistingOne_IsRefused()
    {
        Publish(_rounds, 200m, Today.AddDays(10));
        Assert.Throws<DomainException>(() => Publish(_rounds, 180m, Today));
    }

    [Fact]
    public void BackdatedPrice_IsRefused() =>
        Assert.Contains("不能早于今天", Assert.Throws<DomainException>(() => Publish(_rounds, 200m, Today.AddDays(-1))).Message, StringComparison.Ordinal);

    [Fact]
    public void EndBeforeStart_IsRefused() =>
        Assert.Equal("结束日期不能早于开始日期。", Assert.Throws<DomainException>(() => Publish(_rounds, 200m, Today, Today.AddDays(-1))).Message);

    [Fact]
    public void AbsurdPrice_IsRefused() =>
        Assert.Throws<DomainException>(() => Publish(_rounds, 100_000.01m, Today));

    [Fact]
    public void ItemTheInstitutionIsNotQualifiedFor_IsRefused()
    {
        var tcm = StandardCatalogue.CreateFor(_clinic.TenantId).Single(i => i.Code == "TCM-DX");
        var error = Assert.Throws<DomainException>(() => Publish(tcm, 50m, Today, funding: Funding.SelfPaid));
        Assert.Contains("中医药服务资质", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicHealthItem_MustBeFree()
    {
        var check = StandardCatalogue.CreateFor(_clinic.TenantId).Single(i => i.Code == "BPH-CHECK65");
        Assert.Throws<DomainException>(() => Publish(check, 10m, Today, funding: Funding.BasicPublicHealth));
        Assert.True(Publish(check, 0m, Today, funding: Funding.BasicPublicHealth).IsAllowed);
    }

    [Fact]
    public void AnotherInstitutionsSchedule_IsRefused()
    {
        var other = TestInstitutions.Medical();
        Assert.Throws<DomainException>(() => _schedule.PublishPrice(
            _rounds, other, Money.FromYuan(1m), _rounds.Unit, Funding.CooperationFee, new ValidityPeriod(Today, null), Today));
    }

    [Fact]
    public void ConsultationFees_ArePerTitle_AndVersioned()
    {
        _schedule.SetConsultationFee(ProfessionalTitle.Senior, Money.FromYuan(300m), new ValidityPeriod(Today, null), Today);
        _schedule.SetConsultationFee(ProfessionalTitle.Intermediate, Money.FromYuan(120m), new ValidityPeriod(Today, null), Today);
        _schedule.SetConsultationFee(ProfessionalTitle.Senior, Money.FromYuan(350m), new ValidityPeriod(Today.AddDays(7), null), Today);

        Assert.Equal(300m, _schedule.ConsultationFeeOn(ProfessionalTitle.Senior, Today)!.Price.Yuan);
        Assert.Equal(350m, _schedule.ConsultationFeeOn(ProfessionalTitle.Senior, Today.AddDays(7))!.Price.Yuan);
        Assert.Equal(120m, _schedule.ConsultationFeeOn(ProfessionalTitle.Intermediate, Today.AddDays(7))!.Price.Yuan);
        Assert.Null(_schedule.ConsultationFeeOn(ProfessionalTitle.AssociateSenior, Today));
    }
}
