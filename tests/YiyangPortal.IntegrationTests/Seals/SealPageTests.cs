using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Signing.SealImages;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Seals;

/// <summary>Issue 14, 本机构印章: the seal and its certificate for the institution, managed by its seal keepers.</summary>
public sealed partial class SealPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task TheInstitution_SeesItsSeal_WithTheCertificateIssuedToIt()
    {
        var staff = await _steps.LoginAsync("/shaoxing", "staff@shaoxing.demo");

        var page = await (await staff.GetAsync("/shaoxing/seal")).Content.ReadAsStringAsync();
        var image = await staff.GetAsync("/shaoxing/seal/image.png");
        var chain = await (await staff.GetAsync("/shaoxing/seal/certificate.pem")).Content.ReadAsStringAsync();

        Assert.Matches("data-testid=\"seal-subject\">[^<]*越城区福乐养老院", page);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, Regex.Matches(chain, "BEGIN CERTIFICATE").Count);
    }

    [Fact]
    public async Task AnUploadThatIsNotAnImage_IsRefusedNextToTheField_AndAScanReplacesTheImage()
    {
        var staff = await _steps.LoginAsync("/shaoxing", "staff@shaoxing.demo");

        var refused = await staff.UploadAsync("/shaoxing/seal", "/shaoxing/seal/image", "seal.pdf", TestPdf.WithText("not an image"));
        using var renderer = new SealImageRenderer();
        var accepted = await staff.UploadAsync("/shaoxing/seal", "/shaoxing/seal/image", "seal.png", renderer.Render("越城区福乐养老院"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-field-error=\"file\">印章图片须为 PNG 或 JPEG 格式。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("上传的印章扫描图", await (await staff.GetAsync("/shaoxing/seal")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedrawingANameTheSealFontCannotShow_IsRefusedNextToTheUpload_NotAnErrorPage()
    {
        var staff = await _steps.LoginAsync("/shaoxing", "staff@shaoxing.demo");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync("/shaoxing/seal")).StatusCode); // the seal exists
        await RenameHomeAsync("越城区福乐养老院", "越城区福乐养老院\uE000");
        try
        {
            var refused = await staff.SubmitAsync("/shaoxing/seal", "/shaoxing/seal/image/drawn", new Dictionary<string, string>());

            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Matches("data-field-error=\"file\">机构名称中的“[^”]+”无法在印章字体中显示，请上传印章图片。", await refused.Content.ReadAsStringAsync());
        }
        finally
        {
            await RenameHomeAsync("越城区福乐养老院\uE000", "越城区福乐养老院");
        }
    }

    private Task RenameHomeAsync(string from, string to) => TestData.InTenantAsync(app, TestData.Shaoxing, db =>
        db.ElderCareInstitutions.Where(i => i.Name == from).ExecuteUpdateAsync(u => u.SetProperty(i => i.Name, to)));

    /// <summary>Issue 13.8, ADR 032: the signing library's refusals are templates, translated like domain refusals.</summary>
    [Fact]
    public async Task AnUploadThatIsNotAnImage_IsRefusedInEnglish_ForAnEnglishUser()
    {
        var staff = await _steps.LoginAsync("/shaoxing", "staff@shaoxing.demo");
        await staff.SubmitAsync("/shaoxing/seal", "/shaoxing/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/shaoxing/seal" });

        var refused = await staff.UploadAsync("/shaoxing/seal", "/shaoxing/seal/image", "seal.pdf", TestPdf.WithText("not an image"));
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-field-error=\"file\">The seal image must be a PNG or JPEG file.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("印章图片须为", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKeeperGrantsAndWithdrawsSealRights_AndAColleagueWithoutThemCannotManage()
    {
        var colleague = await _steps.AccountAsync("colleague@fule.test", "ElderCareStaff", "ElderCareInstitutionId", "越城区福乐养老院");
        var staff = await _steps.LoginAsync("/shaoxing", "staff@shaoxing.demo");
        var colleagueId = Holder().Match(await (await staff.GetAsync("/shaoxing/seal")).Content.ReadAsStringAsync()).Groups[1].Value;

        var forbidden = await colleague.SubmitAsync("/shaoxing/seal", "/shaoxing/seal/image/drawn", new Dictionary<string, string>());
        await staff.SubmitAsync("/shaoxing/seal", $"/shaoxing/seal/holders/{colleagueId}", new Dictionary<string, string> { ["holds"] = "true" });
        var granted = await (await staff.GetAsync("/shaoxing/seal")).Content.ReadAsStringAsync();
        await staff.SubmitAsync("/shaoxing/seal", $"/shaoxing/seal/holders/{colleagueId}", new Dictionary<string, string> { ["holds"] = "false" });
        var withdrawn = await (await staff.GetAsync("/shaoxing/seal")).Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Matches("data-testid=\"holder-colleague@fule.test\">(?:(?!</tr>)[\\s\\S])*<td class=\"no-wrap-actions\">有</td>", granted);
        Assert.Matches("data-testid=\"holder-colleague@fule.test\">(?:(?!</tr>)[\\s\\S])*<td class=\"no-wrap-actions\">无</td>", withdrawn);
    }

    [GeneratedRegex("data-testid=\"holder-colleague@fule.test\">[\\s\\S]*?action=\"/shaoxing/seal/holders/([0-9a-f-]{36})\"")]
    private static partial Regex Holder();
}
