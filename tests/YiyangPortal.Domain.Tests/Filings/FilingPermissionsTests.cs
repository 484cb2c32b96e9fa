using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tests.Agreements;
using static YiyangPortal.Domain.Tests.Filings.FilingTestData;

namespace YiyangPortal.Domain.Tests.Filings;

/// <summary>Issue 13 point 3: the filing says who may submit and who may review it now; the pages ask it.</summary>
public class FilingPermissionsTests
{
    private static readonly DateTimeOffset Signed = new(2027, 1, 31, 2, 0, 0, TimeSpan.Zero);
    private static readonly RoleAssignment HealthRegulator = RoleAssignment.CountyRegulator(Bureau.Health, Yuecheng);

    [Fact]
    public void Pending_EitherPartySubmits_NobodyReviews()
    {
        var filing = HealthFiling(Signed);

        Assert.True(filing.MayBeSubmittedBy(AgreementParty.ElderCare));
        Assert.True(filing.MayBeSubmittedBy(AgreementParty.Medical));
        Assert.False(filing.MayBeReviewedBy(HealthRegulator));
    }

    [Fact]
    public void Submitted_OnlyTheBureauOfItsCountyReviews()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(1)));

        Assert.False(filing.MayBeSubmittedBy(AgreementParty.ElderCare));
        Assert.True(filing.MayBeReviewedBy(HealthRegulator));
        Assert.False(filing.MayBeReviewedBy(RoleAssignment.CountyRegulator(Bureau.CivilAffairs, Yuecheng)));
        Assert.False(filing.MayBeReviewedBy(RoleAssignment.CountyRegulator(Bureau.Health, Keqiao)));
        Assert.False(filing.MayBeReviewedBy(RoleAssignment.CityRegulator(Bureau.Health)));
        Assert.False(filing.MayBeReviewedBy(RoleAssignment.TenantAdmin()));
    }

    [Fact]
    public void Returned_ThePartiesResubmit()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(1)));
        filing.Return(HealthRegulator, Guid.NewGuid(), Signed.AddDays(2), "缺少乙方盖章页", new DateOnly(2027, 2, 28));

        Assert.True(filing.MayBeSubmittedBy(AgreementParty.Medical));
        Assert.False(filing.MayBeReviewedBy(HealthRegulator));
    }
}
