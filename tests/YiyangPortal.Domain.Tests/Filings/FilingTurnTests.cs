using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tests.Agreements;
using static YiyangPortal.Domain.Tests.Filings.FilingTestData;

namespace YiyangPortal.Domain.Tests.Filings;

/// <summary>The expressions the pages count with decide exactly what the aggregate decides (issue 10, issue 13).</summary>
public class FilingTurnTests
{
    private static readonly DateTimeOffset Signed = new(2027, 1, 31, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Due = new(2027, 2, 28);

    [Fact]
    public void OverdueOn_IsTheAggregatesRule_OnAndAfterTheDueDate()
    {
        var filing = HealthFiling(Signed);
        foreach (var day in new[] { Due.AddDays(-1), Due, Due.AddDays(1) })
        {
            Assert.Equal(filing.IsOverdue(day), FilingTurn.OverdueOn(day).Compile()(filing));
        }

        Assert.False(filing.IsOverdue(Due));
        Assert.True(filing.IsOverdue(Due.AddDays(1)));
    }

    [Fact]
    public void SubmittedFiling_IsNeverOverdue_AndAwaitsTheBureau()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(40)));

        Assert.False(FilingTurn.OverdueOn(Due.AddDays(30)).Compile()(filing));
        Assert.True(FilingTurn.AwaitingBureau.Compile()(filing));
        Assert.False(FilingTurn.AwaitingParties.Compile()(filing));
    }

    [Fact]
    public void PendingAndReturnedFilings_AwaitTheParties()
    {
        var filing = HealthFiling(Signed);
        Assert.True(FilingTurn.AwaitingParties.Compile()(filing));

        filing.Submit(AgreementFixture.Elder(Signed.AddDays(1)));
        filing.Return(RoleAssignment.CountyRegulator(Bureau.Health, Yuecheng), Guid.NewGuid(), Signed.AddDays(2), "缺少盖章页");

        Assert.True(FilingTurn.AwaitingParties.Compile()(filing));
        Assert.False(FilingTurn.AwaitingBureau.Compile()(filing));
    }
}
