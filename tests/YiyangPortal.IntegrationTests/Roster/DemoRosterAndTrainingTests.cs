using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Roster;

/// <summary>Demo data: 塔山's roster page lists its members; its training for 福乐养老院 shows on both sides.</summary>
public class DemoRosterAndTrainingTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ShowcaseClinic_SeesItsRoster_AndItsTrainingCountsForTheHome()
    {
        var clinic = PortalClient.For(app);
        await clinic.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var home = PortalClient.For(app);
        await home.LoginAsync("/shaoxing", "staff@shaoxing.demo");

        var roster = await (await clinic.GetAsync("/shaoxing/medical/staff")).Content.ReadAsStringAsync();
        var training = await (await clinic.GetAsync("/shaoxing/medical/training")).Content.ReadAsStringAsync();
        var sixOnes = await (await home.GetAsync("/shaoxing/eldercare/six-ones")).Content.ReadAsStringAsync();

        Assert.Contains("周文华", roster, StringComparison.Ordinal);
        Assert.Contains("压疮预防与翻身护理", training, StringComparison.Ordinal);
        Assert.Contains("塔山街道社区卫生服务中心（医疗机构登记）", sixOnes, StringComparison.Ordinal);
    }
}
