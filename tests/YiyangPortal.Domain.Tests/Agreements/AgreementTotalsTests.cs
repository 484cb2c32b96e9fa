using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

public class AgreementTotalsTests
{
    [Theory]
    [InlineData(ServiceUnit.TimesPerWeek, 2, 3.30, 343.20)]
    [InlineData(ServiceUnit.TimesPerMonth, 4, 10.00, 480.00)]
    [InlineData(ServiceUnit.PerMonth, 1, 99.99, 1199.88)]
    [InlineData(ServiceUnit.TimesPerYear, 1, 120.00, 120.00)]
    [InlineData(ServiceUnit.PerVisit, 6, 0.10, 0.60)]
    [InlineData(ServiceUnit.PerBedDay, 30, 45.50, 1365.00)]
    public void YearlyEstimate_IsPriceTimesFrequencyTimesPeriods(ServiceUnit unit, int frequency, decimal price, decimal expected)
    {
        var agreement = Agreement.Draft(
            TenantId, ElderCareId, MedicalId, AgreementTemplate.MedicalElderCareConsortium, "T-1", ConsortiumTerms(), Elder());

        var item = agreement.AddItem(Elder(), Snapshot(unit: unit, price: price), frequency);

        Assert.Equal(expected, item.YearlyEstimate!.Value.Yuan);
    }

    [Fact]
    public void YearlyItemsEstimate_SkipsUnpricedItemsAndAddsExactly()
    {
        var agreement = Draft();
        agreement.AddItem(Elder(), Snapshot("健康管理", Funding.BasicPublicHealth, null, ServiceUnit.TimesPerYear), 1);
        agreement.AddItem(Elder(), Snapshot("换药", price: 0.1m, unit: ServiceUnit.PerVisit), 1);
        agreement.AddItem(Elder(), Snapshot("拆线", price: 0.2m, unit: ServiceUnit.PerVisit), 1);

        Assert.Equal(480.30m, agreement.YearlyItemsEstimate.Yuan);
    }

    [Fact]
    public void FeeTotals_ArePerPayer_NeverAddingResidentsCostsToTheAnnualFee()
    {
        // 附件1: 健康体检、医疗会诊、护理服务等费用在一次性支付服务费的范围以外支付; 2020 guide 五(一), (三).
        var agreement = Draft();
        agreement.AddItem(Elder(), Snapshot("健康管理", Funding.BasicPublicHealth, null, ServiceUnit.TimesPerYear), 1);
        agreement.AddItem(Elder(), Snapshot("专业培训", Funding.CooperationFee, 100m, ServiceUnit.TimesPerYear), 2);
        agreement.AddItem(Elder(), Snapshot("医疗会诊", Funding.SelfPaid, 300m, ServiceUnit.TimesPerYear), 1);
        agreement.AddItem(Elder(), Snapshot("压疮护理", Funding.MedicalInsurance, 10m, ServiceUnit.TimesPerMonth), 1);

        var totals = agreement.FeeTotals;

        Assert.Equal(12_000m, totals.AnnualHealthServiceFee!.Value.Yuan);
        Assert.Equal(200m, totals.CooperationFeeItems.Yuan);
        Assert.Equal(12_200m, totals.ElderCareInstitutionPays.Yuan); // 合作经费: only what the home pays
        Assert.Equal(480m + 300m, totals.SelfPaidItems.Yuan); // the draft's 血压测量 and the 会诊
        Assert.Equal(120m, totals.MedicalInsuranceItems.Yuan);
        Assert.Equal(1, totals.BasicPublicHealthItemCount);
    }

    [Fact]
    public void FeeTotals_OfTheProjectCooperationTemplate_HaveNoAnnualHealthServiceFee()
    {
        // 附件2 has no 年度健康服务费 clause: a value left in the terms is not the home's fee.
        var agreement = Agreement.Draft(
            TenantId, ElderCareId, MedicalId, AgreementTemplate.ProjectCooperation, "T-2",
            ConsortiumTerms() with { AnnualHealthServiceFee = Money.FromYuan(5_000m) }, Elder());

        Assert.Null(agreement.FeeTotals.AnnualHealthServiceFee);
        Assert.Equal(0m, agreement.FeeTotals.ElderCareInstitutionPays.Yuan);
    }

    [Theory]
    [InlineData(12_000.00, 6_000.00, 6_000.00)]
    [InlineData(1_000.01, 500.01, 500.00)]
    [InlineData(0.01, 0.01, 0.00)]
    public void Instalments_SplitTheAnnualFeeInHalvesAddingUpExactly(decimal annual, decimal first, decimal second)
    {
        var terms = new AgreementTerms { AnnualHealthServiceFee = Money.FromYuan(annual) };

        Assert.Equal(first, terms.FirstHalfInstalment!.Value.Yuan);
        Assert.Equal(second, terms.SecondHalfInstalment!.Value.Yuan);
    }

    [Fact]
    public void ConsultationFee_IsLookedUpByTitle()
    {
        var terms = ConsortiumTerms();

        Assert.Equal(300m, terms.ConsultationFee(ProfessionalTitle.Senior)!.Value.Yuan);
        Assert.Equal(200m, terms.ConsultationFee(ProfessionalTitle.AssociateSenior)!.Value.Yuan);
        Assert.Equal(100m, terms.ConsultationFee(ProfessionalTitle.Intermediate)!.Value.Yuan);
    }

    [Fact]
    public void Snapshot_KeepsPriceAndSourceWhateverTheFeeScheduleDoesLater()
    {
        var agreement = Draft();
        var source = Snapshot("上门巡诊", price: 50m);
        var item = agreement.AddItem(Elder(), source, 2);

        // A later fee-schedule price is a different snapshot; the agreement holds no link that could follow it.
        _ = source with { UnitPrice = Money.FromYuan(80m) };

        Assert.Equal(50m, item.UnitPrice!.Value.Yuan);
        Assert.Equal(source.FeeScheduleEntryId, item.FeeScheduleEntryId);
        Assert.Equal(source.ServiceItemId, item.ServiceItemId);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", "2027-01-01", "2027-12-31")]
    [InlineData("2027-03-01", "2028-02-29", "2028-03-01", "2029-02-28")]
    [InlineData("2026-03-01", "2028-02-29", "2028-03-01", "2030-02-28")]
    [InlineData("2026-01-10", "2026-01-19", "2026-01-20", "2026-01-29")]
    public void RenewalTerm_HasTheSameLengthAndFollowsOn(string from, string to, string nextFrom, string nextTo)
    {
        var next = AgreementRenewalTerm.Following(new ValidityPeriod(DateOnly.Parse(from), DateOnly.Parse(to)));

        Assert.Equal(new ValidityPeriod(DateOnly.Parse(nextFrom), DateOnly.Parse(nextTo)), next);
    }

    [Fact]
    public void StatusLabels_AreChineseForEveryStatus()
    {
        foreach (var status in Enum.GetValues<AgreementStatus>())
        {
            Assert.NotEqual("未知状态", status.ToChinese());
        }

        Assert.Equal("待医疗机构审核", AgreementStatus.PendingMedicalReview.ToChinese());
    }
}

/// <summary>Issue 11 point 5: what the public list may say about fees.</summary>
public class PublicFeeRulesTests
{
    [Fact]
    public void AnnualFee_IsNotPublic_UnlessBothPartiesAgreed()
    {
        // 2020 guide 九(三) publishes 收费规则; the home-to-clinic fee is theirs to publish or not.
        var rules = ConsortiumTerms().PublicFeeRules()!;

        Assert.DoesNotContain("年度健康服务费", rules, StringComparison.Ordinal);
        Assert.Equal("会诊费 正高 300.00 元/次；副高 200.00 元/次；中级 100.00 元/次", rules);
    }

    [Fact]
    public void AgreedAnnualFee_IsWordedAsTheTemplateWordsIt()
    {
        // 附件1: 年度健康服务费从合作开始起分两次支付，分别是上、下半年各一次 — not "各付一半".
        var rules = (ConsortiumTerms() with { PublishAnnualHealthServiceFee = true }).PublicFeeRules()!;

        Assert.StartsWith("年度健康服务费 12,000.00 元（分两次支付，上、下半年各一次）", rules, StringComparison.Ordinal);
        Assert.DoesNotContain("一半", rules, StringComparison.Ordinal);
    }
}
