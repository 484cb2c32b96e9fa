using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Seals;

/// <summary>Issue 14, 出证: the evidence package for both parties and the regulators who received the filing.</summary>
public sealed class EvidencePackageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task BothPartiesAndTheFilingRegulators_GetTheZip_OthersA404()
    {
        var (staff, id) = await _steps.EffectiveAsync(BeijingDate.Day(-1), BeijingDate.Day(300));
        var url = $"/shaoxing/agreements/{id}/evidence.zip";
        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var regulator = await _steps.LoginAsync("/shaoxing", "minzheng@shaoxing.demo");
        var otherCounty = await OtherCountyRegulatorAsync();
        var admin = await _steps.LoginAsync("/shaoxing", "admin@shaoxing.demo");

        var zip = await staff.GetAsync(url);

        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        var names = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(names, n => n.EndsWith("-签署件.pdf", StringComparison.Ordinal));
        Assert.Contains("审计证书.pdf", names);
        Assert.Contains("审计链.json", names);
        Assert.Contains("证书/甲方印章证书链.pem", names);
        Assert.Contains("证书/乙方印章证书链.pem", names);
        Assert.Contains("证书/根证书.cer", names);
        using var certificate = new MemoryStream();
        await archive.GetEntry("审计证书.pdf")!.Open().CopyToAsync(certificate);
        var text = string.Concat(UglyToad.PdfPig.PdfDocument.Open(certificate.ToArray()).GetPages().Select(p => p.Text)).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("签署审计证书", text, StringComparison.Ordinal);
        Assert.Contains("王丽（院长）", text, StringComparison.Ordinal);
        Assert.Contains("IP地址127.0.0.1", text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await clinic.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await regulator.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await OtherStaffAsync()).GetAsync(url)).StatusCode);

        // The agreement page offers the download exactly to those who get it (one rule: EvidenceAuthorizationHandler);
        // the tenant admin reads the agreement but received no filing.
        foreach (var (client, offered) in new[] { (staff, true), (clinic, true), (regulator, true), (admin, false) })
        {
            var page = await (await client.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
            Assert.Equal(offered, page.Contains("data-testid=\"evidence\"", StringComparison.Ordinal));
        }
    }

    private async Task<PortalClient> OtherCountyRegulatorAsync()
    {
        var parties = await TestParties.CreateAsync(app);
        return await _steps.LoginAsync("/shaoxing", parties.CivilAffairsEmail);
    }

    private async Task<PortalClient> OtherStaffAsync()
    {
        var parties = await TestParties.CreateAsync(app);
        return await _steps.LoginAsync("/shaoxing", parties.StaffEmail);
    }
}
