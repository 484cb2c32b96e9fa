using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Identity;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Filings;

/// <summary>
/// Review B 3: the dashboard's 备案状态 and the 备案审查 list it links to count each state by one definition
/// (<see cref="FilingTurn.ShownAs"/>), and a returned filing is late against its correction deadline.
/// </summary>
public partial class FilingStateCountsTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task DashboardCounts_EqualTheListTabs_ForEveryState_IncludingReturnedFilings()
    {
        var county = await TestData.NewCountyAsync(app, $"备案{Random.Shared.Next(1000, 9999)}县");
        var now = DateTimeOffset.UtcNow;
        var today = BeijingTime.DateOf(now);

        // One agreement per state (each its own home: two in force of one pair would overlap).
        async Task<Filing> FilingAsync(int daysAgo)
        {
            var home = await TestData.NewElderCareAsync(app, county.Name);
            var partner = await TestData.NewMedicalAsync(app, county.Name);
            var agreement = await TestData.AgreementAsync(app, TestData.Effective(home.Id, partner.Id, now.AddDays(-daysAgo)));
            return await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
                db.Filings.SingleAsync(f => f.AgreementId == agreement.Id && f.Bureau == Bureau.CivilAffairs));
        }

        var overduePending = await FilingAsync(40);
        await FilingAsync(1); // 待报送
        var submitted = await FilingAsync(20);
        var returnedLate = await FilingAsync(60);
        var returned = await FilingAsync(10);
        var accepted = await FilingAsync(15);
        var reviewer = RoleAssignment.CountyRegulator(Bureau.CivilAffairs, county.Id);
        await TestData.InTenantAsync(app, TestData.Shaoxing, async (db, _) =>
        {
            var byId = await db.Filings.Where(f => new[] { submitted.Id, returnedLate.Id, returned.Id, accepted.Id }.Contains(f.Id)).ToDictionaryAsync(f => f.Id);
            foreach (var f in byId.Values)
            {
                f.Submit(AgreementActor.ElderCare(Guid.NewGuid(), now.AddDays(-19)));
            }

            byId[returnedLate.Id].Return(reviewer, Guid.NewGuid(), now.AddDays(-18), "缺少公章", today.AddDays(-10));
            byId[returned.Id].Return(reviewer, Guid.NewGuid(), now.AddDays(-1), "缺少公章", today.AddDays(20));
            byId[accepted.Id].Accept(reviewer, Guid.NewGuid(), now.AddDays(-1));
            await db.SaveChangesAsync();
        });
        var correctBy = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Filings.Where(f => f.Id == returnedLate.Id).Select(f => f.CorrectionDueDate!.Value).SingleAsync());
        var regulator = await PortalClient.SignedInAsync(app, await TestData.NewRegulatorAsync(app, Bureau.CivilAffairs, county.Name));

        var dashboard = Regex.Replace(await (await regulator.GetAsync("/shaoxing/regulator/dashboard")).Content.ReadAsStringAsync(), @">\s+<", "><");
        async Task<int> ListedAsync(string query) =>
            int.Parse(Total().Match(await (await regulator.GetAsync("/shaoxing/filings" + query)).Content.ReadAsStringAsync()).Groups[1].Value,
                System.Globalization.CultureInfo.InvariantCulture);

        // 待报送 · 逾期 · 已报送 · 已备案 · 需补正 in the county's row, as the list's tabs count them.
        var listed = new[]
        {
            await ListedAsync("?status=Pending"), await ListedAsync("?overdue=true"), await ListedAsync("?status=Submitted"),
            await ListedAsync("?status=Accepted"), await ListedAsync("?status=Returned"),
        };
        Assert.Equal([1, 2, 1, 1, 1], listed);
        Assert.Contains($"<td>{listed[0]}</td><td>{listed[1]}</td><td>{listed[2]}</td><td>{listed[3]}</td><td>{listed[4]}</td>", dashboard, StringComparison.Ordinal);

        // The overdue table: the returned filing is late against its correction deadline, not from its first due date.
        var row = Regex.Match(dashboard, $@"<tr><td[^>]*><a href=""[^""]*/filings/{returnedLate.Id}"">.*?</tr>").Value;
        Assert.Contains($"{correctBy:yyyy-MM-dd}", row, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"overdue-days\">{today.DayNumber - correctBy.DayNumber}</td>", row, StringComparison.Ordinal);
        Assert.Contains(overduePending.Id.ToString(), dashboard, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"data-testid=""total"">共 (\d+) 件")]
    private static partial Regex Total();
}
