using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Identity;
using static YiyangPortal.Domain.Tests.Agreements.AgreementFixture;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>督查 notices (ADR 038): only a county bureau sends one, and only about an agreement that came into force.</summary>
public class SupervisionNoticeTests
{
    [Fact]
    public void OnlyACountyBureau_MaySend_AboutAnAgreementThatCameIntoForce()
    {
        var inForce = FulfilmentFixture.InForce();
        var county = Guid.NewGuid();

        Assert.True(SupervisionNotice.MaySend(inForce, PortalRole.Regulator, county, Bureau.CivilAffairs));
        Assert.True(SupervisionNotice.MaySend(inForce, PortalRole.Regulator, county, Bureau.Health));
        Assert.False(SupervisionNotice.MaySend(inForce, PortalRole.Regulator, null, null)); // a city-level regulator
        Assert.False(SupervisionNotice.MaySend(inForce, PortalRole.Regulator, county, null));
        Assert.False(SupervisionNotice.MaySend(inForce, PortalRole.ElderCareStaff, county, Bureau.CivilAffairs));
        Assert.False(SupervisionNotice.MaySend(Draft(), PortalRole.Regulator, county, Bureau.CivilAffairs));
    }
}
