using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>
/// Minimums the texts set (ADR 026): 附件2 二.3 慢性病随访每年不少于 4 次; 2020 guide 三(一) 医养结合服务每年两次.
/// They say how often the service is given (不少于), so a lower number is refused, never merely warned about.
/// </summary>
public class FrequencyMinimumTests
{
    private static ServiceItemSnapshot FollowUps(ServiceUnit unit = ServiceUnit.TimesPerYear) =>
        Snapshot("慢性病规范化管理随访（每年不少于4次）", Funding.BasicPublicHealth, null, unit)
            with
        { Clause = TemplateClauses.ForCatalogueCode("SX2-CHRONIC-FOLLOWUP") };

    private static ServiceItemSnapshot YiyangService() =>
        Snapshot("医养结合服务（每年两次）", Funding.BasicPublicHealth, null, ServiceUnit.TimesPerYear)
            with
        { Clause = TemplateClauses.ForCatalogueCode("BPH-YIYANG") };

    [Fact]
    public void AddItem_ChronicFollowUpsBelowFourAYear_IsRefused_Template2二3()
    {
        var agreement = Draft(AgreementTemplate.ProjectCooperation);

        var refused = Assert.Throws<DomainException>(() => agreement.AddItem(Elder(), FollowUps(), 3));

        Assert.Contains("每年不少于 4 次", refused.Message, StringComparison.Ordinal);
        Assert.Contains("绍兴附件2 二.3", refused.Message, StringComparison.Ordinal);
        Assert.Contains("3 次/年", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EditItem_ChronicFollowUpsToFourAYear_IsTaken_Template2二3()
    {
        var agreement = Draft(AgreementTemplate.ProjectCooperation);
        var item = agreement.AddItem(Elder(), FollowUps(), 6);

        agreement.EditItem(Elder(), item.Id, 4, null);

        Assert.Equal(4, item.Frequency);
        Assert.Throws<DomainException>(() => agreement.EditItem(Elder(), item.Id, 1, null));
        Assert.Equal(4, item.Frequency);
    }

    [Fact]
    public void FrequencyProblem_CountsTheYear_WhateverTheUnit_Template2二3()
    {
        var agreement = Draft(AgreementTemplate.ProjectCooperation);

        // 1 次/月 is 12 a year: more than the four 二.3 asks.
        var monthly = agreement.AddItem(Elder(), FollowUps(ServiceUnit.TimesPerMonth), 1);

        Assert.Null(monthly.FrequencyProblem(1));
    }

    [Fact]
    public void YiyangCombinedServiceOnceAYear_IsRefused_Guide2020三一()
    {
        var agreement = Draft();

        var refused = Assert.Throws<DomainException>(() => agreement.AddItem(Elder(), YiyangService(), 1));

        Assert.Contains("每年不少于 2 次", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2020指南 三（一）", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProposeChange_BelowTheMinimum_IsRefusedToTheMedicalSideToo_Template2二3()
    {
        var agreement = Draft(AgreementTemplate.ProjectCooperation);
        var item = agreement.AddItem(Elder(), FollowUps(), 4);
        agreement.Submit(Elder());

        Assert.Throws<DomainException>(() => agreement.ProposeChange(Medic(), item.Id, 2, null, "人手不足"));
    }

    [Fact]
    public void MinimumClauses_DoNotRepeatInTheTerms_SoTheyNeverEditClauseOneOrTwo()
    {
        var agreement = Draft();
        var before = agreement.Terms;

        var item = agreement.AddItem(Elder(), YiyangService(), 2);
        agreement.EditItem(Elder(), item.Id, 3, null);

        Assert.Equal(before, agreement.Terms);
        Assert.Empty(agreement.ClauseMismatches());
        Assert.DoesNotContain(agreement.Events, e => e.Kind == AgreementEventKind.TermsEdited);
    }

    [Fact]
    public void ClinicAndRoundsItems_HaveNoYearlyMinimum_OneAMonthAlreadyExceedsTwiceAYear()
    {
        Assert.Equal(0, TemplateClause.ClinicSessions.MinimumPerYear());
        Assert.Equal(0, TemplateClause.WardRounds.MinimumPerYear());
    }
}
