using System.Net;
using System.Text.RegularExpressions;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Issue 11 point 11 on the drafting form (ADR 026): a frequency below what the texts set (附件2 二.3 慢性病随访每年不少于
/// 4 次; 2020 guide 三(一) 医养结合服务每年两次) is refused next to its field, with what was typed kept and nothing saved.
/// </summary>
public partial class DraftingFidelityTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task AddingTheYiyangServiceOnceAYear_IsRefusedAtTheFrequency_Guide2020三一()
    {
        var (staff, id) = await _steps.DraftAsync();
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: false);
        fields["intent"] = "add";
        fields["ServicePriceId"] = YiyangPrice().Match(page).Groups[1].Value;
        fields["Frequency"] = "1";
        fields["AnnualHealthServiceFee"] = "24,000元";

        var response = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Matches("data-field-error=\"Frequency\">“医养结合服务[^<]*”每年不少于 2 次（2020指南 三（一））", answer);
        Assert.Contains("id=\"Frequency\" name=\"Frequency\" type=\"text\" inputmode=\"numeric\" value=\"1\"", answer, StringComparison.Ordinal);
        Assert.Contains("value=\"24,000元\"", answer, StringComparison.Ordinal);
        var saved = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("class=\"cell-name\">医养结合服务", saved, StringComparison.Ordinal);
        Assert.DoesNotContain("24,000", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChronicFollowUpsCutToThreeAYear_AreRefusedAtTheirRow_AndTheThreeIsKept_Template2二3()
    {
        var (staff, id) = await _steps.DraftAsync();
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        var added = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", new Dictionary<string, string>
        {
            ["intent"] = "add",
            ["ServicePriceId"] = FollowUpPrice().Match(page).Groups[1].Value,
            ["Frequency"] = "4",
            ["Version"] = AgreementSteps.Version().Match(page).Groups[1].Value,
        });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        var edit = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        var itemId = ItemId().Match(edit).Groups[1].Value;
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: false);
        fields["items.Index"] = itemId;
        fields[$"items[{itemId}].Id"] = itemId;
        fields[$"items[{itemId}].Frequency"] = "3";

        var response = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Matches(
            $"data-field-error=\"Items\\[{itemId}\\]\\.Frequency\">“慢性病规范化管理随访[^<]*”每年不少于 4 次（绍兴附件2 二.3），当前为 3 次/年。", answer);
        Assert.Matches($"name=\"items\\[{itemId}\\]\\.Frequency\" value=\"3\"", answer);
        Assert.Contains($"href=\"#Items-{itemId}-Frequency\"", answer, StringComparison.Ordinal);
        var saved = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        Assert.Matches($"name=\"items\\[{itemId}\\]\\.Frequency\" value=\"4\"", saved);
    }

    [Fact]
    public async Task SubmittingWithoutTheServicePoint_IsRefusedAtItsField_AndSavesTheRest_Template1一()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: true);
        fields.Remove("ClinicSite");

        var response = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"ClinicSite\">请选择医疗服务站点：甲方内设医疗机构或乙方延伸设置医务室（条款一）。", answer, StringComparison.Ordinal);
        fields["ClinicSite"] = "InternalMedicalInstitution";
        fields["Version"] = AgreementSteps.Version().Match(answer).Groups[1].Value;
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(
            await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields)));
    }

    [Fact]
    public async Task TickedAdditionalClauses_AreSaved_AndPrintedWithTheSiteInTheDraftPdf_Guide2020七八()
    {
        var (staff, id) = await _steps.DraftAsync();
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: false);
        fields["IncludeConfidentiality"] = "true";
        fields["ClinicSite"] = "InternalMedicalInstitution";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fields)).StatusCode);

        var edit = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        Assert.Matches("id=\"IncludeConfidentiality\" name=\"IncludeConfidentiality\" value=\"true\" checked=\"checked\"", edit);
        Assert.DoesNotMatch("id=\"IncludeDisputeResolution\" name=\"IncludeDisputeResolution\" value=\"true\" checked", edit);
        var pdf = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("一、建立医疗服务站点。本协议的医疗服务站点设在甲方内设医疗机构。", text, StringComparison.Ordinal);
        Assert.Contains("一、保密条款。（一）甲乙双方对在本协议履行过程中获知的对方相关商业信息秘密", text, StringComparison.Ordinal);
        Assert.DoesNotContain("争议解决", text, StringComparison.Ordinal);
    }

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\">医养结合服务")]
    private static partial Regex YiyangPrice();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\">慢性病规范化管理随访")]
    private static partial Regex FollowUpPrice();

    [GeneratedRegex("name=\"items\\.Index\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ItemId();
}
