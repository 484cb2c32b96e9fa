using YiyangPortal.Domain.Fulfilment;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>履约率 (ADR 034): confirmed deliveries up to each line's agreed count, over the agreed counts.</summary>
public class FulfilmentRateTests
{
    [Theory]
    [InlineData(3, 4, 3)]
    [InlineData(6, 4, 4)] // delivered twice over: counts as the agreed 4, no more
    [InlineData(0, 0, 0)]
    public void ALine_CountsItsConfirmedDeliveries_UpToTheAgreedCount(int confirmed, int agreed, int counted) =>
        Assert.Equal(counted, FulfilmentRate.Counted(confirmed, agreed));

    [Fact]
    public void OneLineOverDelivered_DoesNotMakeUpForAnotherShort()
    {
        // 4 agreed and 8 confirmed, 4 agreed and 0 confirmed: half the plan was kept, not all of it.
        Assert.Equal(0.5, FulfilmentRate.Of(FulfilmentRate.Counted(8, 4) + FulfilmentRate.Counted(0, 4), 8));
    }

    [Fact]
    public void NothingAgreed_HasNoRate() => Assert.Null(FulfilmentRate.Of(0, 0));
}
