using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Agreements;

/// <summary>The status table of decision 010, checked move by move from every status.</summary>
public class AgreementTransitionTests
{
    public static TheoryData<AgreementStatus> AllStatuses() => new(Enum.GetValues<AgreementStatus>());

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Submit_IsAllowedOnlyFromDraftOrReturned(AgreementStatus status)
    {
        var agreement = InStatus(status);
        var legal = status is AgreementStatus.Draft or AgreementStatus.ReturnedForRevision;

        AssertMove(legal, () => agreement.Submit(Elder()));
        Assert.Equal(legal ? AgreementStatus.PendingMedicalReview : status, agreement.Status);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Accept_IsAllowedOnlyFromPendingMedicalReview(AgreementStatus status)
    {
        var agreement = InStatus(status);
        if (status == AgreementStatus.PendingMedicalReview)
        {
            agreement.ApproveItem(Medic(), agreement.Items[0].Id);
        }

        AssertMove(status == AgreementStatus.PendingMedicalReview, () => agreement.Accept(Medic()));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void ReturnForRevision_IsAllowedFromReviewAndBeforeBothSigned(AgreementStatus status)
    {
        var agreement = InStatus(status);
        var legal = status is AgreementStatus.PendingMedicalReview or AgreementStatus.PendingSignature
            or AgreementStatus.PartiallySigned;

        AssertMove(legal, () => agreement.ReturnForRevision(Medic(), "需修改"));
        Assert.Equal(legal ? AgreementStatus.ReturnedForRevision : status, agreement.Status);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Sign_IsAllowedOnlyWhilePendingOrPartiallySigned(AgreementStatus status)
    {
        var agreement = InStatus(status);
        var legal = status is AgreementStatus.PendingSignature or AgreementStatus.PartiallySigned;

        AssertMove(legal, () => Sign(agreement, AgreementParty.Medical));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void TerminateAndExpire_AreAllowedOnlyWhenEffective(AgreementStatus status)
    {
        AssertMove(status == AgreementStatus.Effective, () => InStatus(status).ProposeTermination(Elder(), TerminationKind.Mutual, "停业", new DateOnly(2026, 3, 2), NoticeDays));
        AssertMove(status == AgreementStatus.Effective, () => InStatus(status).Expire(new DateOnly(2027, 3, 1)));
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void EditItem_IsAllowedOnlyFromDraftOrReturned(AgreementStatus status)
    {
        var agreement = InStatus(status);
        var legal = status is AgreementStatus.Draft or AgreementStatus.ReturnedForRevision;

        AssertMove(legal, () => agreement.EditItem(Elder(), agreement.Items[0].Id, 6, Money.FromYuan(10m)));
        Assert.Equal(legal ? 6 : 4, agreement.Items[0].Frequency);
    }

    [Fact]
    public void ReturnForRevision_FromPendingSignatureByElderCare_IsAllowed()
    {
        var agreement = PendingSignature();

        agreement.ReturnForRevision(Elder(), "代表人姓名有误");

        Assert.Equal(AgreementStatus.ReturnedForRevision, agreement.Status);
    }

    [Fact]
    public void DefaultActor_IsRefusedEvenWhereEitherSideMayAct()
    {
        var agreement = PendingSignature();

        Assert.Throws<DomainException>(() => agreement.Sign(default, "王院长", "院长", "203.0.113.7", Sha, []));
        Assert.Throws<DomainException>(() => agreement.ReturnForRevision(default, "x"));
        Assert.Empty(agreement.Signatures);
    }

    [Fact]
    public void Prefilled_TakesBureausFromTheCountyAndAddressesForTemplateTwo()
    {
        var county = new County(TenantId, "330602", "越城区", CountyKind.District);
        var home = new ElderCareInstitution(TenantId, TestInstitutions.ElderCareDetails(name: "颐养院") with
        {
            CountyId = county.Id,
            Contact = TestInstitutions.Contact with { Address = "解放北路 1 号" },
        });
        var centre = new MedicalInstitution(TenantId, TestInstitutions.MedicalDetails(name: "北海社区卫生服务中心") with
        {
            CountyId = county.Id,
            Contact = TestInstitutions.Contact with { Address = "中兴中路 2 号" },
        });

        var terms = AgreementTerms.Prefilled(AgreementTemplate.ProjectCooperation, county, home, centre);

        Assert.Equal("越城区民政局", terms.CivilAffairsBureauName);
        Assert.Equal("越城区卫生健康局", terms.HealthBureauName);
        Assert.Equal("解放北路 1 号", terms.ElderCareAddress);
        Assert.Equal("中兴中路 2 号", terms.MedicalAddress);
        Assert.Null(AgreementTerms.Prefilled(AgreementTemplate.MedicalElderCareConsortium, county, home, centre).ElderCareAddress);
    }

    private static Agreement InStatus(AgreementStatus status)
    {
        switch (status)
        {
            case AgreementStatus.Draft:
                return Draft();
            case AgreementStatus.PendingMedicalReview:
                return Submitted();
            case AgreementStatus.ReturnedForRevision:
                var returned = Submitted();
                returned.ReturnForRevision(Medic(), "请补充");
                return returned;
            case AgreementStatus.PendingSignature:
                return PendingSignature();
            case AgreementStatus.PartiallySigned:
                var partial = PendingSignature();
                Sign(partial, AgreementParty.ElderCare);
                return partial;
            case AgreementStatus.Effective:
                return Effective();
            case AgreementStatus.Expired:
                var expired = Effective();
                expired.Expire(new DateOnly(2027, 3, 1));
                return expired;
            default:
                var terminated = Effective();
                TerminateByAgreement(terminated, Medic(), "停业");
                return terminated;
        }
    }

    private static void AssertMove(bool legal, Action move)
    {
        if (legal)
        {
            move();
        }
        else
        {
            Assert.Throws<DomainException>(move);
        }
    }
}
