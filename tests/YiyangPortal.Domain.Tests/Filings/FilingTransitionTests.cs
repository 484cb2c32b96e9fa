using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Tests.Agreements;
using static YiyangPortal.Domain.Tests.Filings.FilingTestData;

namespace YiyangPortal.Domain.Tests.Filings;

public class FilingTransitionTests
{
    private static readonly DateTimeOffset Signed = new(2027, 1, 31, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Due = new(2027, 2, 28);
    private static readonly Guid RegulatorUser = Guid.NewGuid();
    private static readonly RoleAssignment HealthRegulator = RoleAssignment.CountyRegulator(Bureau.Health, Yuecheng);

    [Fact]
    public void Submit_ThenAccept_IsAcceptedWithHistory()
    {
        var filing = HealthFiling(Signed);

        filing.Submit(AgreementFixture.Medic(Signed.AddDays(3)), "已报送纸质文本");
        filing.Accept(HealthRegulator, RegulatorUser, Signed.AddDays(5));

        Assert.Equal(FilingStatus.Accepted, filing.Status);
        Assert.False(filing.WasSubmittedLate);
        Assert.Equal(
            [(FilingStatus.Pending, FilingStatus.Submitted), (FilingStatus.Submitted, FilingStatus.Accepted)],
            filing.History.Select(h => (h.FromStatus, h.ToStatus)));
        Assert.Equal("已报送纸质文本", filing.History[0].Note);
        Assert.Equal(RegulatorUser, filing.History[1].ActorUserId);
    }

    /// <summary>Review B 6: a 补正 deadline on a Saturday moves to Monday, as the due date does (民法典 第二百零三条).</summary>
    [Fact]
    public void Return_WithADeadlineOnARestDay_MovesItToTheNextWorkingDay()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(1)));
        var calendar = HolidayCalendar.Of([], []);

        filing.Return(HealthRegulator, RegulatorUser, Signed.AddDays(2), "缺少乙方盖章页", new DateOnly(2027, 2, 27), calendar); // Saturday

        Assert.Equal(new DateOnly(2027, 3, 1), filing.CorrectionDueDate);
        Assert.Contains("截止 2027-03-01（含当日）", filing.History[^1].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Return_ThenResubmit_ThenAccept_KeepsReasonInHistory()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed.AddDays(1)));

        filing.Return(HealthRegulator, RegulatorUser, Signed.AddDays(2), "缺少乙方盖章页", Due);
        Assert.Equal(FilingStatus.Returned, filing.Status);
        Assert.Equal("缺少乙方盖章页", filing.ReturnReason);

        filing.Resubmit(AgreementFixture.Elder(Signed.AddDays(3)), "已补盖章页");
        filing.Accept(HealthRegulator, RegulatorUser, Signed.AddDays(4));

        Assert.Equal(FilingStatus.Accepted, filing.Status);
        Assert.Equal(4, filing.History.Count);
        Assert.Equal("缺少乙方盖章页；补正截止 2027-02-28（含当日）", filing.History[1].Note);
    }

    [Fact]
    public void Return_WithoutReason_IsRefused()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed));

        Assert.Throws<DomainException>(() => filing.Return(HealthRegulator, RegulatorUser, Signed, " ", Due));
        Assert.Equal(FilingStatus.Submitted, filing.Status);
    }

    [Fact]
    public void Accept_BeforeSubmission_IsRefusedNamingTheStatus()
    {
        var ex = Assert.Throws<DomainException>(() => HealthFiling(Signed).Accept(HealthRegulator, RegulatorUser, Signed));
        Assert.Equal("当前状态为“待报送”，不能确认备案。", ex.Message);
    }

    [Fact]
    public void Submit_Twice_IsRefused()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed));

        Assert.Throws<DomainException>(() => filing.Submit(AgreementFixture.Medic(Signed)));
        Assert.Throws<DomainException>(() => filing.Resubmit(AgreementFixture.Medic(Signed)));
    }

    [Fact]
    public void Accepted_IsFinal()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed));
        filing.Accept(HealthRegulator, RegulatorUser, Signed);

        Assert.Throws<DomainException>(() => filing.Return(HealthRegulator, RegulatorUser, Signed, "再看看", Due));
        Assert.Throws<DomainException>(() => filing.Resubmit(AgreementFixture.Elder(Signed)));
    }

    [Fact]
    public void Accept_ByOtherBureauOtherCountyOrCityLevel_IsRefused()
    {
        var filing = HealthFiling(Signed);
        filing.Submit(AgreementFixture.Elder(Signed));
        RoleAssignment[] outsiders =
        [
            RoleAssignment.CountyRegulator(Bureau.CivilAffairs, Yuecheng),
            RoleAssignment.CountyRegulator(Bureau.Health, Keqiao),
            RoleAssignment.CityRegulator(Bureau.Health),
            RoleAssignment.TenantAdmin(),
        ];

        foreach (var outsider in outsiders)
        {
            Assert.Throws<DomainException>(() => filing.Accept(outsider, RegulatorUser, Signed));
        }

        Assert.Equal(FilingStatus.Submitted, filing.Status);
    }

    [Fact]
    public void IsOverdue_OnlyWhenNeverSubmittedAndPastTheDueDate()
    {
        var filing = HealthFiling(Signed);

        Assert.False(filing.IsOverdue(Due));
        Assert.True(filing.IsOverdue(Due.AddDays(1)));
        Assert.Equal("逾期", filing.StatusLabel(Due.AddDays(1)));
        Assert.Equal("待报送", filing.StatusLabel(Due));

        filing.Submit(AgreementFixture.Elder(BeijingTime.StartOfDayUtc(Due.AddDays(2))));

        Assert.False(filing.IsOverdue(Due.AddDays(3)));
        Assert.True(filing.WasSubmittedLate);
        Assert.Equal("已报送", filing.StatusLabel(Due.AddDays(3)));
    }

    [Fact]
    public void IsReminderDue_SevenDaysBeforeAndOnTheDueDateWhilePending()
    {
        var filing = HealthFiling(Signed);

        Assert.True(filing.IsReminderDue(Due.AddDays(-7)));
        Assert.True(filing.IsReminderDue(Due));
        Assert.False(filing.IsReminderDue(Due.AddDays(-6)));

        filing.Submit(AgreementFixture.Elder(Signed));
        Assert.False(filing.IsReminderDue(Due));
    }
}
