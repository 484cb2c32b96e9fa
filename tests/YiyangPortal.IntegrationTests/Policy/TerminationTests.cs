using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Filings;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Agreements;

namespace YiyangPortal.IntegrationTests.Policy;

/// <summary>
/// 2020 guide 六(二) over HTTP against PostgreSQL: one party proposes, the other confirms (or the notice period runs
/// out, applied by the daily sweep); the agreement is then 已终止 and the bureaus that received its 签约备案 get a
/// 终止备案. A back-dated proposal is refused next to the form with what was typed.
/// </summary>
public class TerminationTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    private static string Day(DateTimeOffset utc) => utc.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task ProposeAndConfirm_Terminates_AndFilesTerminationWithTheSameTwoBureaus()
    {
        var now = DateTimeOffset.UtcNow;
        var (staff, id) = await _steps.EffectiveAsync(Day(now.AddDays(-10)), Day(now.AddMonths(10)));

        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/termination/propose",
            new() { ["kind"] = "Mutual", ["reason"] = "养老院搬迁", ["terminateOn"] = Day(now) });

        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var page = await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">已生效<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pending-termination\"", page, StringComparison.Ordinal);
        Assert.Contains("协商一致终止", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"next-termination\"", page, StringComparison.Ordinal);
        Assert.Contains("/termination/confirm", page, StringComparison.Ordinal);
        Assert.Contains("/termination/decline", page, StringComparison.Ordinal);
        var own = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("/termination/withdraw", own, StringComparison.Ordinal);
        Assert.DoesNotContain("/termination/confirm", own, StringComparison.Ordinal);

        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/termination/confirm", []);

        page = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">已终止<", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"termination-filing-deadlines\"", page, StringComparison.Ordinal);
        var filingLink = System.Text.RegularExpressions.Regex.Match(page, "终止备案：<a href=\"(/shaoxing/filings/[0-9a-f-]{36})\"");
        Assert.True(filingLink.Success);
        var filingPage = await (await staff.GetAsync(filingLink.Groups[1].Value)).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"filing-kind\">终止备案<", filingPage, StringComparison.Ordinal);
        var filings = await FilingsAsync(Guid.Parse(id));
        var signing = filings.Where(f => f.Kind == FilingKind.Signing).Select(f => (f.Bureau, f.CountyId)).OrderBy(b => b.Bureau).ToList();
        var termination = filings.Where(f => f.Kind == FilingKind.Termination).Select(f => (f.Bureau, f.CountyId)).OrderBy(b => b.Bureau).ToList();
        Assert.Equal(2, signing.Count);
        Assert.Equal(signing, termination);
    }

    [Fact]
    public async Task BackDatedProposal_IsRefusedNextToTheForm_WithWhatWasTyped()
    {
        var now = DateTimeOffset.UtcNow;
        var (staff, id) = await _steps.EffectiveAsync(Day(now.AddDays(-10)), Day(now.AddMonths(10)));
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();

        var refused = await staff.SubmitAsync($"/shaoxing/agreements/{id}", $"/shaoxing/agreements/{id}/termination/propose", new Dictionary<string, string>
        {
            ["version"] = AgreementSteps.DetailVersion().Match(page).Groups[1].Value,
            ["kind"] = "Notice",
            ["reason"] = "机构停业整顿",
            ["terminateOn"] = Day(now.AddDays(-3)),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"terminate\">终止日期不能早于今天：终止不能倒签。<", body, StringComparison.Ordinal);
        Assert.Contains("value=\"机构停业整顿\"", body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status\">已生效<", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoticeTermination_Unanswered_IsAppliedByTheSweepWhenTheNoticePeriodEnds()
    {
        var now = DateTimeOffset.UtcNow;
        var (staff, id) = await _steps.EffectiveAsync(Day(now.AddDays(-10)), Day(now.AddMonths(10)));
        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/termination/propose",
            new() { ["kind"] = "Notice", ["reason"] = "机构停业", ["terminateOn"] = Day(now) });
        var sweep = app.Services.GetRequiredService<AgreementSweepService>();

        await sweep.RunOnceAsync(now.AddDays(29), CancellationToken.None);
        Assert.Contains("data-testid=\"status\">已生效<", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await sweep.RunOnceAsync(now.AddDays(30), CancellationToken.None);
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">已终止<", page, StringComparison.Ordinal);
        Assert.Contains(BeijingTime.FormatChineseDate(BeijingTime.DateOf(now.AddDays(30))), page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"audit\">审计链完整<", page, StringComparison.Ordinal);
        Assert.Equal(2, (await FilingsAsync(Guid.Parse(id))).Count(f => f.Kind == FilingKind.Termination));
    }

    [Fact]
    public async Task WithdrawnProposal_LeavesTheAgreementInForce_AndAllowsANewOne()
    {
        var now = DateTimeOffset.UtcNow;
        var (staff, id) = await _steps.EffectiveAsync(Day(now.AddDays(-10)), Day(now.AddMonths(10)));
        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/termination/propose",
            new() { ["kind"] = "Mutual", ["reason"] = "机构停业", ["terminateOn"] = Day(now.AddDays(5)) });

        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/termination/withdraw", []);

        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">已生效<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pending-termination\"", page, StringComparison.Ordinal);
        Assert.Contains("/termination/propose", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantAdmin_SetsTheNoticePeriod_AndBadInputIsRefusedNextToTheField()
    {
        var admin = await _steps.LoginAsync("/shaoxing", "admin@shaoxing.demo");
        Assert.Contains("value=\"30\"", await (await admin.GetAsync("/shaoxing/admin/settings")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var refused = await admin.SubmitAsync("/shaoxing/admin/settings", "/shaoxing/admin/settings", new Dictionary<string, string> { ["terminationNoticeDays"] = "400" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"TerminationNoticeDays\">单方通知终止的通知期须在 1 至 365 天之间。<", body, StringComparison.Ordinal);
        Assert.Contains("value=\"400\"", body, StringComparison.Ordinal);

        try
        {
            var saved = await admin.SubmitAsync("/shaoxing/admin/settings", "/shaoxing/admin/settings", new Dictionary<string, string> { ["terminationNoticeDays"] = "45" });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var now = DateTimeOffset.UtcNow;
            var (staff, id) = await _steps.EffectiveAsync(Day(now.AddDays(-10)), Day(now.AddMonths(10)));
            Assert.Contains("通知期 45 天满后生效", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await admin.SubmitAsync("/shaoxing/admin/settings", "/shaoxing/admin/settings", new Dictionary<string, string> { ["terminationNoticeDays"] = "30" });
        }
    }

    /// <summary>Issue 13.8, ADR 028: a user who chose English reads the domain's refusals in English, values included.</summary>
    [Fact]
    public async Task DomainRefusals_SpeakTheVisitorsLanguage()
    {
        var now = DateTimeOffset.UtcNow;
        var end = now.AddMonths(10);
        var (staff, id) = await _steps.EffectiveAsync(Day(now.AddDays(-10)), Day(end));
        var detail = $"/shaoxing/agreements/{id}";
        await staff.SubmitAsync(detail, "/shaoxing/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = detail });

        async Task<string> ProposeAsync(string terminateOn)
        {
            var page = await (await staff.GetAsync(detail)).Content.ReadAsStringAsync();
            var refused = await staff.SubmitAsync(detail, $"{detail}/termination/propose", new Dictionary<string, string>
            {
                ["version"] = AgreementSteps.DetailVersion().Match(page).Groups[1].Value,
                ["kind"] = "Notice",
                ["reason"] = "机构停业整顿",
                ["terminateOn"] = terminateOn,
            });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            return WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        }

        var backDated = await ProposeAsync(Day(now.AddDays(-3)));
        var afterTheEnd = await ProposeAsync(Day(end.AddDays(5)));

        Assert.Contains("data-field-error=\"terminate\">The termination date cannot be before today: a termination cannot be backdated.<", backDated, StringComparison.Ordinal);
        Assert.DoesNotContain("终止不能倒签", backDated, StringComparison.Ordinal);
        var endDay = DateOnly.ParseExact(Day(end), "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"));
        Assert.Contains($"The termination date cannot be after the agreement's end date ({endDay}); the agreement expires by itself after that.", afterTheEnd, StringComparison.Ordinal);
    }

    /// <summary>Outsiders cannot propose (another tenant: 404; a regulator: the 403 page); an absurd reason is refused at the form.</summary>
    [Fact]
    public async Task Outsiders_AndAnAbsurdReason_AreRefused_NothingChanges()
    {
        var now = DateTimeOffset.UtcNow;
        var (staff, id) = await _steps.EffectiveAsync(Day(now.AddDays(-10)), Day(now.AddMonths(10)));
        var propose = $"/shaoxing/agreements/{id}/termination/propose";
        var fields = new Dictionary<string, string> { ["kind"] = "Notice", ["reason"] = "<script>alert(1)</script>", ["terminateOn"] = Day(now) };

        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "staff@wenzhou.demo");
        var foreign = await wenzhou.SubmitAsync("/wenzhou/agreements", $"/wenzhou/agreements/{id}/termination/propose", new Dictionary<string, string>(fields));
        var regulator = await _steps.LoginAsync("/shaoxing", "minzheng@shaoxing.demo");
        var bureau = await regulator.SubmitAsync("/shaoxing/filings", propose, new Dictionary<string, string>(fields));
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        var longReason = await staff.SubmitAsync($"/shaoxing/agreements/{id}", propose, new Dictionary<string, string>(fields)
        {
            ["reason"] = new string('理', 10_000),
            ["version"] = AgreementSteps.DetailVersion().Match(page).Groups[1].Value,
        });

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, bureau.StatusCode);
        Assert.Contains("/error/403", bureau.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, longReason.StatusCode);
        Assert.Contains("终止协议的理由不能超过", await longReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"status\">已生效<", after, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"pending-termination\"", after, StringComparison.Ordinal);
    }

    private Task<List<Filing>> FilingsAsync(Guid agreementId) =>
        TestData.InTenantAsync(app, TestData.Shaoxing, db => db.Filings.AsNoTracking().Where(f => f.AgreementId == agreementId).ToListAsync());
}
