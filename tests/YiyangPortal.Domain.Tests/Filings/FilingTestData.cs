using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tests.Agreements;

namespace YiyangPortal.Domain.Tests.Filings;

internal static class FilingTestData
{
    public static readonly Guid Yuecheng = Guid.NewGuid();
    public static readonly Guid Keqiao = Guid.NewGuid();

    public static ElderCareInstitution NursingHome(Guid countyId) =>
        new(AgreementFixture.TenantId, TestInstitutions.ElderCareDetails(name: "越城区颐养院") with { CountyId = countyId });

    public static MedicalInstitution HealthCenter(Guid countyId) =>
        new(AgreementFixture.TenantId, TestInstitutions.MedicalDetails(name: "柯桥街道社区卫生服务中心") with { CountyId = countyId });

    /// <summary>An agreement signed by both at <paramref name="signedAtUtc"/> between the two institutions.</summary>
    public static Agreement EffectiveBetween(
        ElderCareInstitution elderCare, MedicalInstitution medical, DateTimeOffset signedAtUtc, Guid? healthBureauCountyId = null)
    {
        var agreement = AgreementFixture.Draft(AgreementTemplate.ProjectCooperation, elderCare.Id, medical.Id);
        if (healthBureauCountyId is { } county)
        {
            agreement.UpdateTerms(AgreementFixture.Elder(), agreement.Terms with { HealthBureauCountyId = county });
        }

        agreement.Submit(AgreementFixture.Elder());
        agreement.ApproveItem(AgreementFixture.Medic(), agreement.Items[0].Id);
        agreement.Accept(AgreementFixture.Medic());
        AgreementFixture.Sign(agreement, AgreementParty.Medical, signedAtUtc);
        AgreementFixture.Sign(agreement, AgreementParty.ElderCare, signedAtUtc);
        return agreement;
    }

    public static Filing HealthFiling(DateTimeOffset signedAtUtc)
    {
        var home = NursingHome(Yuecheng);
        var centre = HealthCenter(Yuecheng);
        return FilingRules.ForEffectiveAgreement(EffectiveBetween(home, centre, signedAtUtc), home, centre)
            .Single(f => f.Bureau == Bureau.Health);
    }
}
