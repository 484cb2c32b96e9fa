using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Policy;

/// <summary>
/// 补充协议 is a supplement, not a copy (2020 guide 九(二); issue 11 point 8): it prints its own title, the original's
/// number and date and only what it changes; it cannot be submitted unchanged; the public list shows the partnership
/// once, as the supplement restates it; it ends when the original is terminated.
/// </summary>
public partial class SupplementTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task Supplement_StatesOnlyItsChanges_AndEndsWithTheOriginal()
    {
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var (staff, original) = await _steps.EffectiveAsync(today, DateTime.UtcNow.AddHours(8).AddMonths(11).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var originalNumber = Regex.Match(await (await staff.GetAsync($"/shaoxing/agreements/{original}")).Content.ReadAsStringAsync(), "<span class=\"text-secondary fs-6\">([^<]+)</span></h1>").Groups[1].Value;

        var created = await staff.SubmitAsync($"/shaoxing/agreements/{original}", $"/shaoxing/agreements/{original}/supplement", new Dictionary<string, string>());
        var id = AgreementSteps.EditPath().Match(PortalClient.RedirectPath(created) ?? string.Empty).Groups[1].Value;
        Assert.NotEmpty(id);
        var edit = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        Assert.Contains("尚未变更原协议的任何内容", edit, StringComparison.Ordinal);

        // Submitted unchanged: refused, nothing lost.
        var terms = await AgreementSteps.TermsAsync(staff, id, submit: true);
        (terms["TermFrom"], terms["TermTo"]) = (Prefilled(edit, "TermFrom"), Prefilled(edit, "TermTo"));
        var refused = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", terms);
        Assert.Contains("补充协议尚未变更原协议的任何内容", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // One change: 6 sessions a month instead of 4 (附件1 一; the 坐诊 item follows its clause).
        terms = await AgreementSteps.TermsAsync(staff, id, submit: true);
        (terms["TermFrom"], terms["TermTo"], terms["ClinicSessionsPerMonth"]) = (Prefilled(edit, "TermFrom"), Prefilled(edit, "TermTo"), "6");
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(
            await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", terms)));
        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        foreach (Match item in AgreementSteps.ApproveAction().Matches(await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync()))
        {
            await AgreementSteps.ActAsync(clinic, id, item.Groups[1].Value, []);
        }

        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/accept", []);
        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "陈明", ["signerTitle"] = "主任", ["confirmed"] = "true" });
        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "王丽", ["signerTitle"] = "院长", ["confirmed"] = "true" });

        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">已生效<", page, StringComparison.Ordinal);
        Assert.Contains("每月坐诊次数由“4”变更为“6”。", page, StringComparison.Ordinal);

        var text = await PdfTextAsync(staff, id);
        Assert.Contains("《养医联合体服务协议》补充协议", text, StringComparison.Ordinal);
        Assert.Contains($"协议编号：{originalNumber}", text, StringComparison.Ordinal);
        Assert.Contains("每月坐诊次数由“4”变更为“6”。", text, StringComparison.Ordinal);
        Assert.Contains("原协议到期或终止时，本补充协议同时终止", text, StringComparison.Ordinal);
        Assert.Contains("本补充协议自双方签署之日起生效（原协议尚未生效的，自原协议生效之日起生效）", text, StringComparison.Ordinal);
        Assert.DoesNotContain("开展医疗查房服务", text, StringComparison.Ordinal); // the original's clauses are not restated

        // The public list shows the partnership once, with the supplement's number.
        var anonymous = PortalClient.For(app);
        var list = await PublicListAsync(anonymous);
        var supplementNumber = Regex.Match(page, "<span class=\"text-secondary fs-6\">([^<（]+)</span></h1>").Groups[1].Value;
        Assert.Contains(supplementNumber, list, StringComparison.Ordinal);
        Assert.DoesNotContain(originalNumber + "<", list, StringComparison.Ordinal);

        // ADR 043: the original's stored plan follows the supplement from the day it came into force (today):
        // next month's 坐诊 line owes 6 on the original's own item, where records are kept.
        var nextMonth = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddMonths(1);
        nextMonth = new DateOnly(nextMonth.Year, nextMonth.Month, 1);
        var originalId = Guid.Parse(original);
        var agreed = await TestData.InTenantAsync(app, TestData.Shaoxing, async db =>
        {
            var sessions = await db.Agreements.Where(a => a.Id == originalId).SelectMany(a => a.Items)
                .Where(i => i.Clause == TemplateClause.ClinicSessions).Select(i => i.Id).SingleAsync();
            return await db.Database.SqlQuery<int>(
                $"SELECT agreed AS \"Value\" FROM fulfilment_totals WHERE agreement_item_id = {sessions} AND period_start = {nextMonth}").SingleAsync();
        });
        Assert.Equal(6, agreed);

        // Terminating the original ends the supplement too.
        await AgreementSteps.ActAsync(staff, original, $"/shaoxing/agreements/{original}/termination/propose", new() { ["kind"] = "Mutual", ["reason"] = "养老院搬迁", ["terminateOn"] = today });
        await AgreementSteps.ActAsync(clinic, original, $"/shaoxing/agreements/{original}/termination/confirm", []);
        page = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">已终止<", page, StringComparison.Ordinal);
        Assert.Contains($"原协议（{originalNumber}）已终止，本补充协议随之终止。", page, StringComparison.Ordinal);
        list = await PublicListAsync(anonymous);
        Assert.DoesNotContain(supplementNumber, list, StringComparison.Ordinal);
    }

    /// <summary>Every page of the public list of elder-care institutions, concatenated.</summary>
    private static async Task<string> PublicListAsync(PortalClient client)
    {
        var pages = new System.Text.StringBuilder();
        for (var n = 1; n <= 20; n++)
        {
            var html = await (await client.GetAsync($"/shaoxing/public?page={n}")).Content.ReadAsStringAsync();
            pages.Append(html);
            if (!html.Contains($"page-item \"><a class=\"page-link\" href=\"/shaoxing/public?page={n + 1}\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        return pages.ToString();
    }

    private static string Prefilled(string page, string field) =>
        Regex.Match(page, $"name=\"{field}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value;

    private static async Task<string> PdfTextAsync(PortalClient client, string id)
    {
        var pdf = await (await client.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", string.Empty, StringComparison.Ordinal);
    }
}
