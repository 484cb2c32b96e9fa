using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Seeding;

namespace YiyangPortal.IntegrationTests.Policy;

/// <summary>
/// Issue 11 point 2: the templates' 一式四份 names XXX民政局 and XXX卫生健康委（局）; 2020 guide 六(四) says the local county
/// bureaus. The PDF names the real bureaus from the register — the ones the filings go to — not the template's blanks.
/// </summary>
public class FilingBureauPdfTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Theory]
    [InlineData(false, "越城区卫生健康局")]
    [InlineData(true, "柯桥区卫生健康局")]
    public async Task Pdf_NamesTheRegisteredBureaus_TheFilingsGoTo(bool partnerCounty, string healthBureau)
    {
        var partner = await TestData.NewMedicalAsync(app, "柯桥区");
        var home = await TestData.ElderCareIdAsync(app, DemoData.ShowcaseHome);
        var agreement = await TestData.AgreementAsync(app, TestData.Effective(home, partner.Id, DateTimeOffset.UtcNow) with
        {
            HealthBureauOfPartnerCounty = partnerCounty,
        });
        var staff = PortalClient.For(app);
        await staff.LoginAsync("/shaoxing", "staff@shaoxing.demo");

        var pdf = await (await staff.GetAsync($"/shaoxing/agreements/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", string.Empty, StringComparison.Ordinal);

        Assert.Contains("越城区民政局", text, StringComparison.Ordinal);
        Assert.Contains(healthBureau, text, StringComparison.Ordinal);
        Assert.DoesNotContain("委（局）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("XXX", text, StringComparison.Ordinal);
    }
}
