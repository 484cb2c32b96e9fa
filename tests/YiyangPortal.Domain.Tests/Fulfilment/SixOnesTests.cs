using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Domain.Tests.Fulfilment;

/// <summary>绍市民〔2024〕6号 二 1–6: what makes each of the 六个一 met, not met or not applicable.</summary>
public class SixOnesTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);
    private static readonly DateTimeOffset Now = BeijingTime.StartOfDayUtc(Today).AddHours(10);

    [Fact]
    public void NothingRecorded_LargeHome_MeetsNone()
    {
        var lines = SixOnes.Of(Facts());

        Assert.All(lines, l => Assert.Equal(SixOneResult.NotMet, l.Result));
        Assert.All(lines, l => Assert.NotNull(l.Fix));
        Assert.Equal((0, 6), SixOnes.Score(lines));
    }

    [Fact]
    public void Partner_NeedsAPrimaryLevelInstitution()
    {
        Assert.Equal(SixOneResult.NotMet, Line(Facts() with { Partners = [Partner(primary: false)] }, SixOne.Partner).Result);
        Assert.Equal(SixOneResult.Met, Line(Facts() with { Partners = [Partner(primary: false), Partner(primary: true)] }, SixOne.Partner).Result);
    }

    [Fact]
    public void Partner_CountsInstitutionsNotAgreements()
    {
        var clinic = Guid.NewGuid();
        var line = Line(Facts() with { Partners = [Partner(primary: true, medical: clinic), Partner(primary: true, medical: clinic), Partner(primary: false)] }, SixOne.Partner);

        Assert.Equal("有效协议 3 份，其中基层医疗卫生机构 1 家", line.Figures.ToString());
    }

    [Theory]
    [InlineData(49, InternalMedicalStatus.None, SixOneResult.NotApplicable)]
    [InlineData(50, InternalMedicalStatus.None, SixOneResult.NotMet)]
    [InlineData(50, InternalMedicalStatus.Applying, SixOneResult.Met)]
    [InlineData(120, InternalMedicalStatus.Established, SixOneResult.Met)]
    public void InternalMedical_AppliesFrom50Residents_AndApplyingCounts(int residents, InternalMedicalStatus status, SixOneResult expected) =>
        Assert.Equal(expected, Line(Facts() with { Residents = residents, InternalMedical = status }, SixOne.InternalMedical).Result);

    [Fact]
    public void InternalMedical_DoesNotApplyToDayCare() =>
        Assert.Equal(SixOneResult.NotApplicable, Line(Facts() with { Kind = ElderCareInstitutionKind.DayCare }, SixOne.InternalMedical).Result);

    [Fact]
    public void OnSite_NeedsAConfirmedServiceInTheWindow()
    {
        Assert.Equal(SixOneResult.Met, Line(Facts() with { ConfirmedServicesLast90Days = 1 }, SixOne.OnSiteServices).Result);
        Assert.Equal(new DateOnly(2026, 2, 20), SixOnes.OnSiteWindowStart(Today));
    }

    [Fact]
    public void GreenChannel_AgreedButUnused_IsNotMet_AndSaysToRecordUses()
    {
        var agreed = Facts() with { Partners = [Partner(primary: true, green: true)] };

        var unused = Line(agreed, SixOne.GreenChannel);
        var used = Line(agreed with { GreenChannelUsesThisYear = 2 }, SixOne.GreenChannel);

        Assert.Equal(SixOneResult.NotMet, unused.Result);
        Assert.Contains("登记", unused.Fix!.Template, StringComparison.Ordinal);
        Assert.Equal(SixOneResult.Met, used.Result);
        Assert.Equal(SixOneResult.NotMet, Line(Facts() with { GreenChannelUsesThisYear = 2 }, SixOne.GreenChannel).Result);
    }

    [Fact]
    public void HealthCheck_ShowsTheRatio_AndIsMetBelow100Percent()
    {
        var check = HealthCheck.Enter(null, Guid.NewGuid(), Guid.NewGuid(), 120, Today.AddDays(-3), 78, 80, Guid.NewGuid(), Now);

        var line = Line(Facts() with { HealthCheckThisYear = check }, SixOne.HealthCheck);

        Assert.Equal(SixOneResult.Met, line.Result);
        Assert.Equal("已体检 78 人 / 应检 80 人（97.5%）", line.Figures.ToString());
    }

    [Fact]
    public void Training_MetBySessionThisYear() =>
        Assert.Equal(SixOneResult.Met, Line(Facts() with { TrainingSessionsThisYear = 1, TrainingAttendeesThisYear = 20 }, SixOne.Training).Result);

    private static SixOneLine Line(SixOnesFacts facts, SixOne item) => SixOnes.Of(facts).Single(l => l.Item == item);

    private static SixOnesPartner Partner(bool primary, bool green = false, Guid? medical = null) =>
        new(Guid.NewGuid(), medical ?? Guid.NewGuid(), "测试医院", primary, green);

    private static SixOnesFacts Facts() => new(ElderCareInstitutionKind.NursingHome, 86, InternalMedicalStatus.None, [], 0, 0, null, 0, 0);
}

/// <summary>The home's 六个一 entries refuse what cannot be true: future days, negative or absurd counts, checked &gt; due.</summary>
public class SixOnesEntryTests
{
    private static readonly DateOnly Today = new(2026, 5, 20);

    [Fact]
    public void HealthCheck_RefusesFutureDate_NegativeCounts_AndMoreCheckedThanDue()
    {
        Assert.Equal("CheckedOn", FulfilmentFixture.FieldOf(HealthCheck.Problems(Today.AddDays(1), 10, 20, 100, Today)));
        Assert.Equal("ResidentsDue", FulfilmentFixture.FieldOf(HealthCheck.Problems(Today, 0, -1, 100, Today)));
        Assert.Equal("ResidentsChecked", FulfilmentFixture.FieldOf(HealthCheck.Problems(Today, 21, 20, 100, Today)));
        Assert.Equal("ResidentsDue", FulfilmentFixture.FieldOf(HealthCheck.Problems(Today, 10, 150, 100, Today)));
        Assert.Empty(HealthCheck.Problems(Today, 20, 20, 100, Today));
    }

    [Fact]
    public void HealthCheck_ASecondEntryCorrectsTheYear()
    {
        var home = Guid.NewGuid();
        var now = BeijingTime.StartOfDayUtc(Today);
        var first = HealthCheck.Enter(null, Guid.NewGuid(), home, 100, Today, 10, 20, Guid.NewGuid(), now);

        var again = HealthCheck.Enter(first, first.TenantId, home, 100, Today, 18, 20, Guid.NewGuid(), now);

        Assert.Same(first, again);
        Assert.Equal(18, again.ResidentsChecked);
        Assert.Throws<DomainException>(() => HealthCheck.Enter(first, first.TenantId, Guid.NewGuid(), 100, Today, 1, 2, Guid.NewGuid(), now));
    }

    [Fact]
    public void GreenChannelUse_NeedsAnAgreedChannel_AndAPositiveCount()
    {
        Assert.Equal(string.Empty, FulfilmentFixture.FieldOf(GreenChannelUse.Problems(false, Today, 1, Today)));
        Assert.Equal("Residents", FulfilmentFixture.FieldOf(GreenChannelUse.Problems(true, Today, 0, Today)));
        Assert.Equal("UsedOn", FulfilmentFixture.FieldOf(GreenChannelUse.Problems(true, new DateOnly(2024, 12, 31), 1, Today)));
        Assert.Empty(GreenChannelUse.Problems(true, new DateOnly(2025, 1, 1), 1, Today));
    }

    [Fact]
    public void Training_RefusesPersonalDataInTheTopic_AndAbsurdAttendance()
    {
        Assert.Equal("Topic", FulfilmentFixture.FieldOf(TrainingSession.Problems(Today, "联系 13800138000", 5, Today)));
        Assert.Equal("Attendees", FulfilmentFixture.FieldOf(TrainingSession.Problems(Today, "急救", SixOnesEntries.MaxCount + 1, Today)));
        Assert.Empty(TrainingSession.Problems(Today, "急救", 12, Today));
    }
}
