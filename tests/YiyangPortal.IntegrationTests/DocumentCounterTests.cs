using System.Globalization;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>Issue 13.9: 协议编号 come from one counter per tenant, county and year, incremented atomically.</summary>
public class DocumentCounterTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly DateTimeOffset Now = new(2031, 6, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TwentyAtOnce_GetTwentyConsecutiveNumbers()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            TestData.InTenantAsync(app, TestData.Shaoxing, db => DocumentCounters.NextAsync(db, "330699", Now))));

        Assert.Equal(
            Enumerable.Range(1, 20).Select(n => "330699-2031-" + n.ToString("000000", CultureInfo.InvariantCulture)).Order(),
            numbers.Order());
    }

    [Fact]
    public async Task EachCountyYearAndTenant_CountsOnItsOwn()
    {
        var shaoxing = await TestData.InTenantAsync(app, TestData.Shaoxing, db => DocumentCounters.NextAsync(db, "330698", Now));
        var nextYear = await TestData.InTenantAsync(app, TestData.Shaoxing, db => DocumentCounters.NextAsync(db, "330698", Now.AddYears(1)));
        var wenzhou = await TestData.InTenantAsync(app, "wenzhou", db => DocumentCounters.NextAsync(db, "330698", Now));

        Assert.Equal("330698-2031-000001", shaoxing);
        Assert.Equal("330698-2032-000001", nextYear);
        Assert.Equal("330698-2031-000001", wenzhou);
    }

    [Fact]
    public async Task TheCounter_ContinuesAfterTheNumbersAlreadyGiven()
    {
        // The seeded agreements were numbered through the counter: the next one follows the highest of its county.
        var last = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Agreements.OrderByDescending(a => a.DocumentNumber).Select(a => a.DocumentNumber).FirstAsync());
        var (division, year, highest) = (last[..6], int.Parse(last[7..11], CultureInfo.InvariantCulture), int.Parse(last[12..], CultureInfo.InvariantCulture));

        var next = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            DocumentCounters.NextAsync(db, division, new DateTimeOffset(year, 7, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal($"{division}-{year}-{highest + 1:000000}", next);
    }
}
