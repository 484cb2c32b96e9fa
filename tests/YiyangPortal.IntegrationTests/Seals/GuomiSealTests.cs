using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Seals;

/// <summary>A portal whose city 温州市 seals with SM2/SM3 (国密), seeded with that setting from the start.</summary>
public sealed class GuomiPortal : PortalAppFactory
{
    protected override bool SeedsItsOwnDatabase => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Portal:Seals:Algorithms:wenzhou", "Sm2");
    }
}

/// <summary>
/// Issue 14, beyond the peers: SM2/SM3 end to end through the web app — the city's authority and seals are SM2, an
/// agreement sealed through the workflow is downloaded by its party and checked on the public verification page, which
/// finds both seals valid and says that PDF readers cannot check 国密 (poppler cannot: it reports the algorithm unknown).
/// </summary>
public sealed class GuomiSealTests(GuomiPortal app) : IClassFixture<GuomiPortal>
{
    [Fact]
    public async Task ASm2SealedAgreement_IsValidOnTheVerificationPage_WhichSaysReadersCannotCheckIt()
    {
        var agreement = await TestData.InTenantAsync(app, "wenzhou", db => db.Agreements.AsNoTracking()
            .Where(a => a.Status == AgreementStatus.Effective && a.SupplementToId == null)
            .OrderBy(a => a.DocumentNumber).Select(a => new { a.Id, a.DocumentNumber }).FirstAsync());
        var algorithms = await TestData.InTenantAsync(app, "wenzhou", db => db.InstitutionSeals.Select(s => s.Algorithm).Distinct().ToListAsync());
        var staff = PortalClient.For(app);
        await staff.LoginAsync("/wenzhou", "staff@wenzhou.demo");
        var clinic = PortalClient.For(app);
        await clinic.LoginAsync("/wenzhou", "clinic@wenzhou.demo");
        var party = (await staff.GetAsync($"/wenzhou/agreements/{agreement.Id}")).IsSuccessStatusCode ? staff : clinic;

        var pdf = await (await party.GetAsync($"/wenzhou/agreements/{agreement.Id}/pdf")).Content.ReadAsByteArrayAsync();
        var page = await (await PortalClient.For(app).UploadAsync(
            $"/wenzhou/verify/{agreement.DocumentNumber}", $"/wenzhou/verify/{agreement.DocumentNumber}", "a.pdf", pdf)).Content.ReadAsStringAsync();

        Assert.Equal(["Sm2"], algorithms);
        Assert.Contains("data-testid=\"seal-verdict\">签章有效<", page, StringComparison.Ordinal);
        Assert.Contains("SM2", page, StringComparison.Ordinal);
        Assert.Contains("通用 PDF 阅读器无法验证", page, StringComparison.Ordinal);
        Assert.Contains("盖章后文件未被改动。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Signature is Valid", Poppler.Pdfsig(pdf), StringComparison.Ordinal);
    }
}
