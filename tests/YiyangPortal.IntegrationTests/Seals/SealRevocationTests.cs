using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Seals;

/// <summary>
/// Issue 14, 吊销并重新签发: a seal keeper revokes the seal's certificate with a reason; the city's revocation list names
/// it (read by openssl), the institution gets a new certificate, and what was sealed before still verifies.
/// </summary>
public sealed class SealRevocationTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task AKeeperRevokes_TheListNamesTheOldCertificate_ANewOneSeals_AndOldSealsStayValid()
    {
        var (staff, id) = await _steps.EffectiveAsync(BeijingDate.Day(-1), BeijingDate.Day(300));
        var before = await SerialAsync();
        var agreementId = Guid.Parse(id);
        var number = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.Agreements.Where(a => a.Id == agreementId).Select(a => a.DocumentNumber).SingleAsync());
        var pdf = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();

        var revoked = await staff.SubmitAsync("/shaoxing/seal", "/shaoxing/seal/revoke", new Dictionary<string, string>
        {
            ["reason"] = "经办人电脑中毒，私钥可能泄露",
            ["confirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var after = await SerialAsync();
        Assert.NotEqual(before, after);
        var page = await (await staff.GetAsync("/shaoxing/seal")).Content.ReadAsStringAsync();
        Assert.Contains($"序列号 {before}", page, StringComparison.Ordinal);
        Assert.Contains(after, page, StringComparison.Ordinal);

        // The issuing authority's list, read by openssl (no code shared with the portal), names the old serial only.
        var crl = await (await PortalClient.For(app).GetAsync("/shaoxing/verify/crl/issuing.crl")).Content.ReadAsByteArrayAsync();
        var listed = OpenSsl.RevokedSerials(crl);
        Assert.Contains(before, listed);
        Assert.DoesNotContain(after, listed);

        // Sealed before the revocation (time-stamped): still 签章有效.
        var verified = await (await PortalClient.For(app).UploadAsync($"/shaoxing/verify/{number}", $"/shaoxing/verify/{number}", "a.pdf", pdf))
            .Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"seal-verdict\">签章有效<", verified, StringComparison.Ordinal);

        // The evidence package still carries the certificate that sealed that copy.
        using var archive = new ZipArchive(await (await staff.GetAsync($"/shaoxing/agreements/{id}/evidence.zip")).Content.ReadAsStreamAsync());
        using var certificate = new MemoryStream();
        await archive.GetEntry("证书/甲方印章证书.cer")!.Open().CopyToAsync(certificate);
        Assert.Equal(before, OpenSsl.Serial(certificate.ToArray()));

        // The next agreement is sealed with the new certificate.
        var (_, next) = await _steps.EffectiveAsync(BeijingDate.Day(-1), BeijingDate.Day(300));
        var nextId = Guid.Parse(next);
        var uses = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.SealUses.Where(u => u.AgreementId == nextId && u.Party == Domain.Agreements.AgreementParty.ElderCare).Select(u => u.CertificateSerial).ToListAsync());
        Assert.Equal([after], uses);
    }

    [Fact]
    public async Task NoReason_NoConfirmation_OrNoRights_AreRefused_AndTheCertificateStays()
    {
        var staff = await _steps.LoginAsync("/shaoxing", "staff@shaoxing.demo");
        var colleague = await _steps.AccountAsync("revoker@fule.test", "ElderCareStaff", "ElderCareInstitutionId", "越城区福乐养老院");
        var before = await SerialAsync();
        var revocationsBefore = await RevocationsAsync();

        var noReason = await staff.SubmitAsync("/shaoxing/seal", "/shaoxing/seal/revoke", new Dictionary<string, string> { ["reason"] = " ", ["confirmed"] = "true" });
        var unconfirmed = await staff.SubmitAsync("/shaoxing/seal", "/shaoxing/seal/revoke", new Dictionary<string, string> { ["reason"] = "机构更名" });
        var tooLong = await staff.SubmitAsync("/shaoxing/seal", "/shaoxing/seal/revoke", new Dictionary<string, string> { ["reason"] = new string('长', 201), ["confirmed"] = "true" });
        var forbidden = await colleague.SubmitAsync("/shaoxing/seal", "/shaoxing/seal/revoke", new Dictionary<string, string> { ["reason"] = "机构更名", ["confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("data-field-error=\"reason\">请填写吊销原因。", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        var unconfirmedPage = await unconfirmed.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"reason\">请勾选确认", unconfirmedPage, StringComparison.Ordinal);
        Assert.Contains("value=\"机构更名\"", unconfirmedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(before, await SerialAsync());
        Assert.Equal(revocationsBefore, await RevocationsAsync());
    }

    private Task<int> RevocationsAsync() => TestData.InTenantAsync(app, TestData.Shaoxing, db => db.SealKeyRevocations.CountAsync());

    private Task<string> SerialAsync() => TestData.InTenantAsync(app, TestData.Shaoxing, async db =>
    {
        var home = await db.ElderCareInstitutions.Where(i => i.Name == "越城区福乐养老院").Select(i => i.Id).SingleAsync();
        return await db.InstitutionSeals.Where(s => s.InstitutionId == home).Select(s => s.CertificateSerial).SingleAsync();
    });
}

/// <summary>openssl as an independent reader of what the portal's authority publishes.</summary>
internal static class OpenSsl
{
    /// <summary>The serials a revocation list names, upper-case hex without leading zeros.</summary>
    public static IReadOnlyList<string> RevokedSerials(byte[] crl) =>
        System.Text.RegularExpressions.Regex.Matches(Run(crl, "crl", "-inform", "DER", "-noout", "-text"), "Serial Number: ([0-9A-Fa-f]+)")
            .Select(m => m.Groups[1].Value.ToUpperInvariant().TrimStart('0')).ToList();

    /// <summary>The certificate's serial in upper-case hex without leading zeros, as the portal shows it.</summary>
    public static string Serial(byte[] certificate) =>
        Run(certificate, "x509", "-inform", "DER", "-noout", "-serial").Trim()["serial=".Length..].TrimStart('0');

    private static string Run(byte[] input, params string[] arguments)
    {
        var file = Path.GetTempFileName();
        File.WriteAllBytes(file, input);
        try
        {
            return Poppler.Run("openssl", [.. arguments, "-in", file]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
