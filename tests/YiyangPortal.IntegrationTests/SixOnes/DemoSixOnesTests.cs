using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.SixOnes;

/// <summary>Demo data (ADR 036, 037): the showcase home's 六个一 card is partly complete; one year is rated by the home only.</summary>
public class DemoSixOnesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ShowcaseHome_HasAPartlyCompleteCard_AndOneEvaluationAwaitingTheClinic()
    {
        var home = PortalClient.For(app);
        await home.LoginAsync("/shaoxing", "staff@shaoxing.demo");

        var card = await (await home.GetAsync("/shaoxing/eldercare")).Content.ReadAsStringAsync();
        var evaluations = await (await (await RegulatorAsync()).GetAsync("/shaoxing/regulator/six-ones")).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"six-one-HealthCheck\" data-result=\"Met\"", card, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"six-one-Training\" data-result=\"Met\"", card, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"six-one-GreenChannel\" data-result=\"NotMet\"", card, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"six-one-InternalMedical\" data-result=\"NotMet\"", card, StringComparison.Ordinal);
        Assert.Contains("巡诊准时，医生耐心", evaluations, StringComparison.Ordinal);
    }

    private async Task<PortalClient> RegulatorAsync()
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", "minzheng@shaoxing.demo");
        return client;
    }
}
