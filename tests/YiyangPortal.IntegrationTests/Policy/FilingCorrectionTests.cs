using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Dashboard;

namespace YiyangPortal.IntegrationTests.Policy;

/// <summary>
/// Issue 11 point 10 on a real database: filing is notification (2020 guide 六(四): 告知). The bureau acknowledges
/// (已备案) or asks for a correction by a deadline (需补正); a correction not made by its deadline makes the filing
/// 逾期 again — in the list, the to-do counts and the dashboard alike (FilingTurn is the one rule).
/// </summary>
public class FilingCorrectionTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task CorrectionPastItsDeadline_IsOverdueAgain_InQueriesListAndDashboard()
    {
        var parties = await TestParties.CreateAsync(app);
        var late = await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var lateFilings = await parties.FilingsAsync(late.Id, FilingStatus.Returned); // correction deadline 15 days after, long past
        var recent = await parties.AgreementAsync(AgreementStatus.Effective);
        var recentFilings = await parties.FilingsAsync(recent.Id, FilingStatus.Returned); // deadline still ahead
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var overdueIds = await TestData.InTenantAsync(app, parties.Tenant, db =>
            db.Filings.Where(FilingTurn.OverdueOn(today)).Where(f => f.CountyId == parties.CountyId).Select(f => f.Id).ToListAsync());
        var figures = await FiguresAsync(parties, today);
        var regulator = PortalClient.For(app);
        await regulator.LoginAsync("/shaoxing", parties.CivilAffairsEmail);
        var overdueList = await (await regulator.GetAsync("/shaoxing/filings?overdue=true")).Content.ReadAsStringAsync();
        var returnedList = await (await regulator.GetAsync("/shaoxing/filings?status=Returned")).Content.ReadAsStringAsync();

        Assert.All(lateFilings, f => Assert.True(f.CorrectionDueDate < today));
        Assert.Equal(lateFilings.Select(f => f.Id).Order(), overdueIds.Order());
        Assert.DoesNotContain(recentFilings[0].Id, overdueIds);
        Assert.Equal((1, 1), (figures.Filings.Overdue, figures.Filings.Returned)); // the 民政局's two: one overdue, one in time
        Assert.Contains(late.DocumentNumber, overdueList, StringComparison.Ordinal);
        Assert.DoesNotContain(recent.DocumentNumber, overdueList, StringComparison.Ordinal);
        Assert.Contains($"截止 {recentFilings[0].CorrectionDueDate:yyyy-MM-dd}（含当日）", returnedList, StringComparison.Ordinal);
        Assert.Contains(">需补正</span>", returnedList, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrectionDeadlineBeforeToday_IsRefusedBesideTheField_KeepingTheReason()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective);
        var filing = (await parties.FilingsAsync(agreement.Id, FilingStatus.Submitted)).Single(f => f.Bureau == Bureau.CivilAffairs);
        var regulator = PortalClient.For(app);
        await regulator.LoginAsync("/shaoxing", parties.CivilAffairsEmail);
        var url = $"/shaoxing/filings/{filing.Id}";

        var response = await regulator.SubmitAsync(url, url + "/return", new Dictionary<string, string>
        {
            ["Reason"] = "请补充盖章页",
            ["CorrectionDueDate"] = "2020-01-01",
        });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-field-error=\"CorrectionDueDate\">补正截止日期不能早于今天。", page, StringComparison.Ordinal);
        Assert.Contains(">请补充盖章页</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("value=\"2020-01-01\"", page, StringComparison.Ordinal);
    }

    private async Task<CountyFigures> FiguresAsync(TestParties parties, DateOnly today)
    {
        CountyFigures? figures = null;
        await TestParties.InTenantAsync(app, parties.Tenant, async (_, services) =>
        {
            var (counties, _) = await services.GetRequiredService<DashboardQuery>().LoadAsync(
                parties.TenantId, Bureau.CivilAffairs, parties.CountyId, today, CancellationToken.None);
            figures = Assert.Single(counties);
        });
        return figures!;
    }
}
