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
        filing.Return(RoleAssignment.CountyRegulator(Bureau.Health, Yuecheng), Guid.NewGuid(), Signed.AddDays(2), "缺少盖章页", Due);

        Assert.True(FilingTurn.AwaitingParties.Compile()(filing));
        Assert.False(FilingTurn.AwaitingBureau.Compile()(filing));
    }

    [Fact]
    public void CorrectionNotMadeByItsDeadline_MakesTheFilingOverdueAgain_InTheAggregateAndInSql()
    {
        // Issue 11 point 10: 需补正 comes with a deadline; a correction not made by it leaves the bureau uninformed again.
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(1)));
        var correctBy = new DateOnly(2027, 2, 20);
        filing.Return(RoleAssignment.CountyRegulator(Bureau.Health, Yuecheng), Guid.NewGuid(), Signed.AddDays(2), "缺少盖章页", correctBy);

        foreach (var (day, overdue) in new[] { (correctBy, false), (correctBy.AddDays(1), true) })
        {
            Assert.Equal(overdue, filing.IsOverdue(day)); // 截止 X（含当日）: the last day itself is in time
            Assert.Equal(overdue, FilingTurn.OverdueOn(day).Compile()(filing));
        }

        Assert.Equal(correctBy, filing.CurrentDeadline);
        Assert.Equal(FilingStatusLabels.Overdue, filing.StatusLabel(correctBy.AddDays(1)));
    }

    [Fact]
    public void ResubmittedCorrection_IsNoLongerOverdue_AndAcknowledgingClearsTheDeadline()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(1)));
        var reviewer = RoleAssignment.CountyRegulator(Bureau.Health, Yuecheng);
        filing.Return(reviewer, Guid.NewGuid(), Signed.AddDays(2), "缺少盖章页", new DateOnly(2027, 2, 10));
        filing.Resubmit(AgreementFixture.Elder(Signed.AddDays(20)), "已补正");

        Assert.False(filing.IsOverdue(new DateOnly(2027, 3, 31)));
        filing.Accept(reviewer, Guid.NewGuid(), Signed.AddDays(21));
        Assert.Null(filing.CorrectionDueDate);
        Assert.Equal("已备案", filing.Status.ToChinese());
    }

    [Theory]
    [InlineData("2027-02-01", "补正截止日期不能早于今天。")]
    [InlineData("2027-05-04", "补正截止日期不能晚于 90 天之后。")]
    public void CorrectionDeadline_IsRefusedBeforeTodayOrFarAhead(string deadline, string message)
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(1)));

        var refused = Assert.Throws<Common.DomainException>(() => filing.Return(
            RoleAssignment.CountyRegulator(Bureau.Health, Yuecheng), Guid.NewGuid(), Signed.AddDays(2), "缺少盖章页",
            DateOnly.Parse(deadline, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(message, refused.Message);
        Assert.Equal(FilingStatus.Submitted, filing.Status);
    }

    [Fact]
    public void DeadlineWording_IncludesTheLastDay()
    {
        Assert.Equal("截止 2027-02-28（含当日）", FilingStatusLabels.Deadline(Due));
    }
}
