using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>Issue 10 on the agreement pages: nothing typed is lost, numbers as people type them, review shortcuts,
/// signing with consent, the signature block and the verification address in the PDF.</summary>
public partial class AgreementPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task AddingWithoutChoosingAnItem_KeepsEverythingTyped_AndSavesNothing()
    {
        var (staff, id) = await _steps.DraftAsync();
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: false);
        fields["intent"] = "add";
        fields["AnnualHealthServiceFee"] = "36,000元";
        fields["ClinicDoctorCount"] = "３";

        var response = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"ServicePriceId\">请从对方当前的收费标准中选择要添加的服务项目。", page, StringComparison.Ordinal);
        Assert.Contains("data-error-summary", page, StringComparison.Ordinal);
        Assert.Contains("value=\"36,000元\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"TermTo\" type=\"date\" value=\"2027-12-31\"", page, StringComparison.Ordinal);
        var saved = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("36,000", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumbersTypedWithSeparatorsUnitsOrFullWidthDigits_AreSavedAsNumbers()
    {
        var (staff, id) = await _steps.DraftAsync();
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: false);
        fields["AnnualHealthServiceFee"] = "36,000元";
        fields["SeniorConsultationFee"] = "￥３００";
        fields["ClinicDoctorCount"] = "2名";

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields)).StatusCode);

        var detail = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("36,000.00", detail, StringComparison.Ordinal);
        Assert.Contains("300.00 /", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotANumber_IsShownBackAsTyped_WithAnExample()
    {
        var (staff, id) = await _steps.DraftAsync();
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: false);
        fields["AnnualHealthServiceFee"] = "三万六";

        var page = await (await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields)).Content.ReadAsStringAsync();

        Assert.Contains("data-field-error=\"AnnualHealthServiceFee\">“三万六”不是有效的金额或数字。请填写阿拉伯数字，例如 1200 或 1,200.50。", page, StringComparison.Ordinal);
        Assert.Contains("value=\"三万六\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"#AnnualHealthServiceFee\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_ShowsWhatIsTyped_Inline_WithoutSaving()
    {
        var (staff, id) = await _steps.DraftAsync();
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: false);
        fields["intent"] = "preview";
        fields["AnnualHealthServiceFee"] = "45678";

        var response = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("inline", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.GetValues("Content-Disposition").First(), StringComparison.Ordinal);
        Assert.Contains("45,678.00", Text(await response.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("45678", await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClinicApprovesTheRest_AtOnce_AndAProposalWithLettersComesBackWithItsReason()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(await staff.SubmitAsync(
            $"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", await AgreementSteps.TermsAsync(staff, id, submit: true))));
        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var page = await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        var propose = ProposeAction().Match(page).Groups[1].Value;

        var refused = await clinic.SubmitAsync($"/shaoxing/agreements/{id}", propose, new Dictionary<string, string>
        {
            ["version"] = AgreementSteps.DetailVersion().Match(page).Groups[1].Value,
            ["frequency"] = "两次",
            ["reason"] = "每月只能安排两次",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var answer = await refused.Content.ReadAsStringAsync();
        Assert.Contains("“两次”不是整数", answer, StringComparison.Ordinal);
        Assert.Contains("value=\"每月只能安排两次\"", answer, StringComparison.Ordinal);

        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/items/approve-remaining", []);
        var after = await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(">待审核<", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_NeedsTheConfirmation()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);
        await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", await AgreementSteps.TermsAsync(staff, id, submit: true));
        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/items/approve-remaining", []);
        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/accept", []);
        var page = await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("value=\"陈明\"", page, StringComparison.Ordinal); // the account's name, without its institution

        var refused = await clinic.SubmitAsync($"/shaoxing/agreements/{id}", $"/shaoxing/agreements/{id}/sign", new Dictionary<string, string>
        {
            ["version"] = AgreementSteps.DetailVersion().Match(page).Groups[1].Value,
            ["signerName"] = "陈明",
            ["signerTitle"] = "主任",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("请先阅读协议全文，并勾选“我已阅读并同意以上协议内容”。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status\">待签署<", await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>The signer's name is drawn in the seal and printed in the audit certificate: the fonts must have it.</summary>
    [Fact]
    public async Task Signing_WithANameTheSealCannotPrint_IsRefusedWithTheCharacter_AndStoresNothing()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);
        await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", await AgreementSteps.TermsAsync(staff, id, submit: true));
        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/items/approve-remaining", []);
        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/accept", []);

        var refused = await AgreementSteps.SignAsync(clinic, id, "陈明😀", "主任");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("“😀”无法打印在协议文本中，请删除或改用常用字。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        await AgreementSteps.AssertNothingStoredAsync(app, id);
    }

    [Fact]
    public async Task ExecutedPdf_NamesSignersAndTitlesInTheirSeals_AndPrintsTheVerificationAddressItWasServedAt()
    {
        var (staff, id) = await _steps.EffectiveAsync(BeijingDate.Day(31), BeijingDate.Day(395));
        var detail = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        var number = Number().Match(detail).Groups[1].Value;

        var pdf = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        var text = Text(pdf);

        // Issue 14: signer, title and time are drawn into each party's seal (its appearance), not into the sealed
        // text both parties confirmed; each signature dictionary names the signer too (checked in SealingOnSigningTests).
        Assert.Equal(2, Poppler.Count(Poppler.Pdfsig(pdf), "Signature is Valid."));
        Assert.Contains($"http://localhost/shaoxing/verify/{number}", text, StringComparison.Ordinal);
        Assert.Contains("已签署·待生效", detail, StringComparison.Ordinal); // signed today for a term from next month
    }

    [Fact]
    public async Task Verification_AnswersOnlyForAgreementsInForce_AndLikeAnUnknownNumberOtherwise()
    {
        var (staff, draftId) = await _steps.DraftAsync();
        var draft = Number().Match(await (await staff.GetAsync($"/shaoxing/agreements/{draftId}")).Content.ReadAsStringAsync()).Groups[1].Value;
        var (_, effectiveId) = await _steps.EffectiveAsync(BeijingDate.Day(-31), BeijingDate.Day(300));
        var effective = Number().Match(await (await staff.GetAsync($"/shaoxing/agreements/{effectiveId}")).Content.ReadAsStringAsync()).Groups[1].Value;
        var visitor = PortalClient.For(app);

        var hidden = await visitor.GetAsync($"/shaoxing/verify/{draft}");
        var unknown = await visitor.GetAsync("/shaoxing/verify/330602-2026-999999");
        var shown = await visitor.GetAsync($"/shaoxing/verify/{effective}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(
            Token().Replace((await unknown.Content.ReadAsStringAsync()).Replace("330602-2026-999999", "N", StringComparison.Ordinal), string.Empty),
            Token().Replace((await hidden.Content.ReadAsStringAsync()).Replace(draft, "N", StringComparison.Ordinal), string.Empty));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var page = await shown.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"agreement-status\">已生效<", page, StringComparison.Ordinal);
        // The term it is in force for, not the moment both signed, tells when it takes effect.
        Assert.Contains($"data-testid=\"agreement-term\">{BeijingDate.Day(-31):yyyy-MM-dd} 至 {BeijingDate.Day(300):yyyy-MM-dd}<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("生效时间", page, StringComparison.Ordinal);

        // As a Chinese input method types it: full-width digits and dash.
        var fullWidth = string.Concat(effective.Select(c => c == '-' ? '－' : (char)(c - '0' + '０')));
        var typed = await visitor.GetAsync($"/shaoxing/verify?number={Uri.EscapeDataString(fullWidth)}");
        Assert.Equal($"/shaoxing/verify/{effective}", PortalClient.RedirectPath(typed));
    }

    private static string Text(byte[] pdf) =>
        string.Concat(UglyToad.PdfPig.PdfDocument.Open(pdf).GetPages().Select(p => p.Text)).Replace(" ", string.Empty, StringComparison.Ordinal);

    [GeneratedRegex("action=\"(/shaoxing/agreements/[0-9a-f-]{36}/items/[0-9a-f-]{36}/propose)\"")]
    private static partial Regex ProposeAction();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex Token();

    [GeneratedRegex("<span class=\"text-secondary fs-6\">([^<]+)</span>")]
    private static partial Regex Number();
}
