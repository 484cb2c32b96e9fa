using Org.BouncyCastle.Tsp;
using YiyangPortal.Signing.Keys;
using YiyangPortal.Signing.Timestamping;

namespace YiyangPortal.Signing.Tests;

/// <summary>The portal's own time-stamping authority.</summary>
public class TimestampAuthorityTests
{
    private readonly ManualClock _clock = new(SealingFixture.Start);

    [Fact]
    public async Task LoadedAgain_SameRoot_SoEarlierTimestampsStayVerifiable()
    {
        var store = new InMemorySealKeyStore();
        var protector = new SealKeyProtector(SealKeyProtector.NewMasterKey());
        var id = Guid.NewGuid();

        var first = await LocalTimestampAuthority.LoadOrCreateAsync(store, protector, id, _clock);
        var token = new TimeStampToken(new Org.BouncyCastle.Cms.CmsSignedData(await first.GetTokenAsync(new byte[32])));
        var second = await LocalTimestampAuthority.LoadOrCreateAsync(store, protector, id, _clock);

        Assert.Equal(first.RootCertificate, second.RootCertificate);
        Assert.Equal(first.Certificate, second.Certificate);
        Assert.Equal(SealKeyKind.TimestampAuthority, (await store.FindAsync(id))!.Kind);
        token.Validate(new Org.BouncyCastle.X509.X509Certificate(second.Certificate));
        Assert.Equal(SealingFixture.Start.UtcDateTime, token.TimeStampInfo.GenTime);
    }

    [Fact]
    public void GarbageQuery_AnsweredWithARejection()
    {
        var authority = new LocalTimestampAuthority(_clock);

        var response = new TimeStampResponse(authority.Respond([1, 2, 3]));

        Assert.Equal(2, response.Status); // rejection
        Assert.Null(response.TimeStampToken);
    }

    [Fact]
    public async Task DigestOfTheWrongLength_Refused()
    {
        var authority = new LocalTimestampAuthority(_clock);

        await Assert.ThrowsAsync<ArgumentException>(() => authority.GetTokenAsync(new byte[20]));
    }
}
