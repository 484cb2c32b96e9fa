using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Documents;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Seals;

/// <summary>
/// Issue 14 through the pages: signing applies each party's institution seal, checked by poppler's pdfsig (a verifier
/// that shares no code with the portal): one valid signature per party, the last covering the whole file.
/// </summary>
public sealed class SealingOnSigningTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task BothPartiesSign_TheExecutedPdfCarriesTwoValidSeals_TheLastCoveringTheFile()
    {
        var (staff, id) = await _steps.EffectiveAsync(BeijingDate.Day(-1), BeijingDate.Day(300));

        var pdf = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        var output = Poppler.Pdfsig(pdf);

        Assert.Equal(2, Poppler.Count(output, "Signature is Valid."));
        Assert.Equal(2, Poppler.Count(output, "ETSI.CAdES.detached"));
        Assert.DoesNotContain("Signature #3", output, StringComparison.Ordinal);
        var second = output[output.IndexOf("Signature #2", StringComparison.Ordinal)..];
        Assert.Contains("Total document signed", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Not total", second, StringComparison.Ordinal);

        // Who signed in which capacity is in each seal (its appearance draws it; the dictionary names it too).
        Assert.Contains(Utf16Hex("陈明（主任）"), Encoding.Latin1.GetString(pdf), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(Utf16Hex("王丽（院长）"), Encoding.Latin1.GetString(pdf), StringComparison.OrdinalIgnoreCase);
        await File.WriteAllBytesAsync(Path.Combine(ScreenshotDirectory(), "sealed-agreement.pdf"), pdf);
    }

    [Fact]
    public async Task OneByteChanged_PdfsigFindsBothSealsBroken()
    {
        var (staff, id) = await _steps.EffectiveAsync(BeijingDate.Day(-1), BeijingDate.Day(300));
        var pdf = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        var tampered = (byte[])pdf.Clone();
        tampered[Array.IndexOf(tampered, (byte)'s', 2000)] ^= 0x01;

        var output = Poppler.Pdfsig(tampered);

        Assert.DoesNotContain("Signature is Valid.", output, StringComparison.Ordinal);
        Assert.Equal(2, Poppler.Count(output, "Digest Mismatch."));
    }

    [Fact]
    public async Task EveryUseOfASeal_IsInTheLedger_WithTheConfirmedAndTheSealedHash()
    {
        var (_, id) = await _steps.EffectiveAsync(BeijingDate.Day(-1), BeijingDate.Day(300));
        var agreementId = Guid.Parse(id);

        var (uses, documents) = await TestData.InTenantAsync(app, TestData.Shaoxing, async db => (
            await db.SealUses.Where(u => u.AgreementId == agreementId).OrderBy(u => u.UsedAtUtc).ToListAsync(),
            await db.AgreementDocuments.Where(d => d.AgreementId == agreementId).ToListAsync()));

        Assert.Equal(2, uses.Count);
        var text = Assert.Single(documents, d => d.Kind == AgreementDocumentKind.ForSignature);
        Assert.All(uses, u => Assert.Equal(text.Sha256, u.ConfirmedSha256));
        Assert.Equal(documents.Single(d => d.Kind == AgreementDocumentKind.SealedOnce).Sha256, uses[0].SealedSha256);
        Assert.Equal(documents.Single(d => d.Kind == AgreementDocumentKind.Executed).Sha256, uses[1].SealedSha256);
        Assert.Equal(["陈明（主任）", "王丽（院长）"], uses.Select(u => u.SignerName));
    }

    [Fact]
    public async Task TheVerificationPage_FindsTheSealsValid_AndAOneByteChangeInvalid_InEitherLanguage()
    {
        var (staff, id) = await _steps.EffectiveAsync(BeijingDate.Day(-1), BeijingDate.Day(300));
        var pdf = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        var tampered = (byte[])pdf.Clone();
        tampered[Array.IndexOf(tampered, (byte)'s', 2000)] ^= 0x01;
        var agreementId = Guid.Parse(id);
        var number = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Agreements.Where(a => a.Id == agreementId).Select(a => a.DocumentNumber).SingleAsync());
        var visitor = PortalClient.For(app);

        var valid = await (await visitor.UploadAsync($"/shaoxing/verify/{number}", $"/shaoxing/verify/{number}", "a.pdf", pdf)).Content.ReadAsStringAsync();
        var invalid = await (await visitor.UploadAsync($"/shaoxing/verify/{number}", $"/shaoxing/verify/{number}", "a.pdf", tampered)).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"seal-verdict\">签章有效<", valid, StringComparison.Ordinal);
        Assert.Contains("盖章后文件未被改动。", valid, StringComparison.Ordinal);
        Assert.Contains("签章机构与本协议的甲乙双方一致。", valid, StringComparison.Ordinal);
        Assert.Contains("越城区福乐养老院于", valid, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"seal-verdict\">签章无效<", invalid, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"verify-result\"", invalid, StringComparison.Ordinal);

        // The report is translated sentence by sentence (ADR 032), names and times kept.
        var english = PortalClient.For(app);
        await english.SubmitAsync($"/shaoxing/verify/{number}", "/shaoxing/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = $"/shaoxing/verify/{number}" });
        var validEn = await (await english.UploadAsync($"/shaoxing/verify/{number}", $"/shaoxing/verify/{number}", "a.pdf", pdf)).Content.ReadAsStringAsync();
        var invalidEn = await (await english.UploadAsync($"/shaoxing/verify/{number}", $"/shaoxing/verify/{number}", "a.pdf", tampered)).Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"seal-verdict\">Seal valid<", validEn, StringComparison.Ordinal);
        Assert.Matches(@"Sealed by 越城区福乐养老院 at 20\d\d-\d\d-\d\d \d\d:\d\d:\d\d \(Beijing time, trusted time stamp\)\.", validEn);
        Assert.Contains("data-testid=\"seal-verdict\">Seal invalid<", invalidEn, StringComparison.Ordinal);
        Assert.Contains("The content covered by the seal has been changed, or the seal data is damaged.", invalidEn, StringComparison.Ordinal);
        Assert.DoesNotContain("签章所覆盖的内容已被改动", invalidEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRootCertificate_AndTheRevocationListsNamedInTheCertificates_AreDownloadable()
    {
        await _steps.EffectiveAsync(BeijingDate.Day(-1), BeijingDate.Day(300));
        var visitor = PortalClient.For(app);

        var root = await visitor.GetAsync("/shaoxing/verify/root.cer");
        var issuingCrl = await visitor.GetAsync("/shaoxing/verify/crl/issuing.crl");
        var rootCrl = await visitor.GetAsync("/shaoxing/verify/crl/root.crl");

        Assert.Equal("application/pkix-cert", root.Content.Headers.ContentType?.MediaType);
        var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(await root.Content.ReadAsByteArrayAsync());
        Assert.Contains("绍兴市", certificate.Subject, StringComparison.Ordinal);
        Assert.Equal("application/pkix-crl", issuingCrl.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, rootCrl.StatusCode);
        Assert.Equal(0x30, (await issuingCrl.Content.ReadAsByteArrayAsync())[0]); // DER SEQUENCE
    }

    private static string Utf16Hex(string text) => "FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text));

    internal static string ScreenshotDirectory()
    {
        var directory = Path.Combine(RepositoryPaths.Root, ".local", "screenshots");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
