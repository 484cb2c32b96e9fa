using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tests.Agreements;
using static YiyangPortal.Domain.Tests.Filings.FilingTestData;

namespace YiyangPortal.Domain.Tests.Filings;

/// <summary>Review B.13: a returned filing's history note joins the reason and the deadline without "。；".</summary>
public class ReturnNoteTests
{
    private static readonly DateTimeOffset Signed = new(2027, 1, 31, 2, 0, 0, TimeSpan.Zero);
    private static readonly RoleAssignment HealthRegulator = RoleAssignment.CountyRegulator(Bureau.Health, Yuecheng);

    [Theory]
    [InlineData("请补充加盖双方公章的协议扫描件。", "请补充加盖双方公章的协议扫描件。补正截止 2027-02-28（含当日）")]
    [InlineData("缺少乙方盖章页", "缺少乙方盖章页；补正截止 2027-02-28（含当日）")]
    public void Return_JoinsTheReasonAndTheDeadline_WithOneMark(string reason, string note)
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(1)));

        filing.Return(HealthRegulator, Guid.NewGuid(), Signed.AddDays(2), reason, new DateOnly(2027, 2, 28));

        Assert.Equal(note, filing.History[^1].Note);
    }
}
