using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>
/// What the elder-care side should have (ADR 026): 2020 guide 三(十), (十二), (十四) offer 双向转诊, 继续医学教育 and 远程医疗
/// to the home's 内设医疗卫生机构 with 可, so a home without one is warned, never refused; 附件1 一 applies where 甲方内设
/// 医疗机构 or 乙方延伸设置医务室, so the drafter must say which before submitting.
/// </summary>
public class ElderCarePreconditionTests
{
    private static ServiceItemSnapshot Item(ServiceCategory category, string name, string? code = null) =>
        new(Guid.NewGuid(), null, category, name, ServiceUnit.PerVisit, Funding.MedicalInsurance, null,
            TemplateClauses.ForCatalogueCode(code));

    private static (Agreement Agreement, Institutions.ElderCareInstitution Home) DraftFor(bool hasInternal)
    {
        var home = TestInstitutions.ElderCare(hasInternal: hasInternal);
        return (Draft(elderCareId: home.Id), home);
    }

    [Fact]
    public void TwoWayReferral_AtAHomeWithoutInternalMedicalInstitution_IsWarned_NotRefused_Guide2020三十()
    {
        var (agreement, home) = DraftFor(hasInternal: false);
        agreement.AddItem(Elder(), Item(ServiceCategory.TwoWayReferral, "双向转诊"), 12);

        var assessed = agreement.AssessElderCareSide(home);

        Assert.True(assessed.IsAllowed);
        var warning = Assert.Single(assessed.Warnings).ToString();
        Assert.Contains("2020指南 三（十）", warning, StringComparison.Ordinal);
        Assert.Empty(agreement.Validate(Today));
    }

    [Fact]
    public void ContinuingMedicalEducation_AtAHomeWithoutInternalMedicalInstitution_IsWarned_Guide2020三十二()
    {
        var (agreement, home) = DraftFor(hasInternal: false);
        agreement.AddItem(Elder(), Item(ServiceCategory.ProfessionalTraining, "内设医疗机构医务人员继续医学教育", "TRAIN-CME"), 2);
        agreement.AddItem(Elder(), Item(ServiceCategory.ProfessionalTraining, "应急救护等专项培训", "TRAIN-FIRST-AID"), 2);

        var warning = Assert.Single(agreement.AssessElderCareSide(home).Warnings).ToString();

        Assert.Contains("继续医学教育", warning, StringComparison.Ordinal);
        Assert.Contains("2020指南 三（十二）", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Telemedicine_AtAHomeWithoutInternalMedicalInstitution_IsWarned_Guide2020三十四()
    {
        var (agreement, home) = DraftFor(hasInternal: false);
        agreement.AddItem(Elder(), Item(ServiceCategory.Telemedicine, "远程医疗服务"), 4);

        Assert.Contains("2020指南 三（十四）", Assert.Single(agreement.AssessElderCareSide(home).Warnings).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameItems_AtAHomeWithAnInternalMedicalInstitution_AreNotWarned()
    {
        var (agreement, home) = DraftFor(hasInternal: true);
        agreement.AddItem(Elder(), Item(ServiceCategory.TwoWayReferral, "双向转诊"), 12);
        agreement.AddItem(Elder(), Item(ServiceCategory.Telemedicine, "远程医疗服务"), 4);
        agreement.UpdateTerms(Elder(), agreement.Terms with { ClinicSite = ClinicSite.InternalMedicalInstitution });

        Assert.Same(Eligibility.Allowed, agreement.AssessElderCareSide(home));
    }

    [Fact]
    public void ClauseOneAtTheHomesInternalInstitution_WhenTheRegisterHasNone_IsWarned_Template1一()
    {
        var (agreement, home) = DraftFor(hasInternal: false);
        agreement.UpdateTerms(Elder(), agreement.Terms with { ClinicSite = ClinicSite.InternalMedicalInstitution });

        var warning = Assert.Single(agreement.AssessElderCareSide(home).Warnings).ToString();

        Assert.Contains("条款一", warning, StringComparison.Ordinal);
        Assert.Empty(agreement.Validate(Today));
    }

    [Fact]
    public void ClauseOneWithoutASite_StopsSubmission_AtTheSiteField_Template1一()
    {
        var agreement = Draft();
        agreement.UpdateTerms(Elder(), agreement.Terms with { ClinicSite = null });

        var error = Assert.Single(agreement.Validate(Today));

        Assert.Equal("Terms.ClinicSite", error.Field);
        Assert.Throws<DomainException>(() => agreement.Submit(Elder()));
    }

    [Fact]
    public void ChoosingTheSite_IsRecordedInTheHistory_InTheClausesWords()
    {
        var agreement = Draft();

        agreement.UpdateTerms(Elder(), agreement.Terms with { ClinicSite = ClinicSite.InternalMedicalInstitution });

        Assert.Contains(agreement.Events, e => e.Kind == AgreementEventKind.TermsEdited
                                               && e.After == "医疗服务站点：甲方内设医疗机构");
    }

    [Fact]
    public void Template2_DoesNotAskForTheSite()
    {
        var agreement = Draft(AgreementTemplate.ProjectCooperation);

        Assert.Empty(agreement.Validate(Today));
    }
}
