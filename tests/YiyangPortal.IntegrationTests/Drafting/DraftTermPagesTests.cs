using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Drafting;

/// <summary>
/// The 有效期 through the drafting pages: a supplement of either template keeps its original's term and is saved and
/// submitted from what its page renders (review A, finding 2: 附件2's form has no term fields); a term entirely in the
/// past is refused at submission, at the term, with what was typed kept, and only warned about on saving (finding 8).
/// </summary>
public sealed class DraftTermPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Lectures = "健康教育讲座和专题健康咨询";

    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task ProjectCooperationSupplement_IsSavedAndSubmitted_AndReachesTheClinic()
    {
        var (staff, clinic, original) = await EffectiveProjectCooperationAsync();
        var id = await SupplementAsync(staff, original);
        var form = await DraftFormPost.ReadAsync(staff, id);
        Assert.Null(form.Value("TermFrom"));
        var box = form.FrequencyFieldOf(Lectures);

        var saved = await form.Set(box, "4").PostAsync(staff, "save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        await SubmitAndSeeItReachTheClinicAsync(staff, clinic, id);
    }

    [Fact]
    public async Task ConsortiumSupplement_IsSavedAndSubmitted_AndReachesTheClinic()
    {
        var today = DateTime.UtcNow.AddHours(8);
        var (staff, original) = await _steps.EffectiveAsync(Day(today), Day(today.AddMonths(11)));
        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var id = await SupplementAsync(staff, original);
        var form = await DraftFormPost.ReadAsync(staff, id);
        Assert.Contains("data-testid=\"fixed-term\"", form.Page, StringComparison.Ordinal);

        var saved = await form.Set("AnnualHealthServiceFee", "40000").PostAsync(staff, "save");

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        await SubmitAndSeeItReachTheClinicAsync(staff, clinic, id);
    }

    [Fact]
    public async Task SubmittingATermEntirelyInThePast_IsRefusedAtTheTerm_WithWhatWasTypedKept()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);
        var terms = await AgreementSteps.TermsAsync(staff, id, submit: true);
        (terms["TermFrom"], terms["TermTo"]) = ("2020-01-01", "2020-12-31");

        var response = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", terms);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal("协议有效期已于 2020-12-31 结束，请修改为今天或以后结束的有效期。", DraftFormPost.ErrorAt(page, "TermTo"));
        Assert.Equal("2020-01-01", DraftFormPost.Shown(page, "TermFrom"));
        Assert.Equal("2020-12-31", DraftFormPost.Shown(page, "TermTo"));
        var detail = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">草稿<", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingATermEntirelyInThePast_IsAllowed_WithAWarningAtTheTerm()
    {
        var (staff, id) = await _steps.DraftAsync();
        var terms = await AgreementSteps.TermsAsync(staff, id, submit: false);
        (terms["TermFrom"], terms["TermTo"]) = ("2020-01-01", "2020-12-31");

        var response = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", terms);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        Assert.Matches("data-testid=\"term-warning\">协议有效期已于 2020-12-31 结束[^<]*草稿可以保存，但不能提交。<", page);
    }

    private static async Task SubmitAndSeeItReachTheClinicAsync(PortalClient staff, PortalClient clinic, string id)
    {
        var form = await DraftFormPost.ReadAsync(staff, id);
        var submitted = await form.PostAsync(staff, "submit");
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(submitted));
        var seen = await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">待医疗机构审核<", seen, StringComparison.Ordinal);
        Assert.Matches(AgreementSteps.ApproveAction(), seen);
    }

    private static async Task<string> SupplementAsync(PortalClient staff, string original)
    {
        var created = await staff.SubmitAsync($"/shaoxing/agreements/{original}", $"/shaoxing/agreements/{original}/supplement", new Dictionary<string, string>());
        var id = AgreementSteps.EditPath().Match(PortalClient.RedirectPath(created) ?? string.Empty).Groups[1].Value;
        Assert.NotEmpty(id);
        return id;
    }

    /// <summary>A 附件2 agreement with the demo clinic, drafted, reviewed and signed through the pages: 已生效.</summary>
    private async Task<(PortalClient Staff, PortalClient Clinic, string Id)> EffectiveProjectCooperationAsync()
    {
        var staff = await _steps.LoginAsync("/shaoxing", "staff@shaoxing.demo");
        var partner = (await TestData.MedicalIdAsync(app, "塔山街道社区卫生服务中心")).ToString();
        var created = await staff.SubmitAsync("/shaoxing/agreements/new", "/shaoxing/agreements/new", new Dictionary<string, string>
        {
            ["template"] = "ProjectCooperation",
            ["partner"] = partner,
        });
        var id = AgreementSteps.EditPath().Match(PortalClient.RedirectPath(created) ?? string.Empty).Groups[1].Value;
        var form = await DraftFormPost.ReadAsync(staff, id);
        var added = await form.Set("ServicePriceId", DraftFormPost.PriceOf(form.Page, Lectures)).Set("Frequency", "2").PostAsync(staff, "add");
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        var submitted = await (await DraftFormPost.ReadAsync(staff, id)).PostAsync(staff, "submit");
        Assert.True(submitted.StatusCode == HttpStatusCode.Redirect, await submitted.Content.ReadAsStringAsync());

        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var page = await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        foreach (Match item in AgreementSteps.ApproveAction().Matches(page))
        {
            await AgreementSteps.ActAsync(clinic, id, item.Groups[1].Value, []);
        }

        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/accept", []);
        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "陈明", ["signerTitle"] = "主任", ["confirmed"] = "true" });
        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "王丽", ["signerTitle"] = "院长", ["confirmed"] = "true" });
        Assert.Contains("data-testid=\"status\">已生效<", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return (staff, clinic, id);
    }

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
