using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Identity;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Agreements;
using YiyangPortal.Web.Features.Filings;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// Issue 13.8, ADR 046: a notification's title is kept as a template and arguments, so the inbox shows it in the
/// reader's language — labels, dates and lists among its arguments included — while a row written before keeps
/// showing the Chinese title it was stored with.
/// </summary>
public sealed class NotificationLanguageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task ASubmittedAgreement_IsAnnouncedInChineseByDefault_AndInEnglishToAnEnglishReader()
    {
        var parties = await TestParties.CreateAsync(app);
        var clinic2 = $"clinic2-{parties.Code}@test.demo";
        await parties.AddUserAsync(clinic2, RoleAssignment.MedicalAdmin(parties.ClinicId));
        var agreement = await parties.AgreementAsync(AgreementStatus.PendingMedicalReview);
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", clinic2);

        var chinese = await InboxAsync(client);
        Assert.Contains($"协议 {agreement.DocumentNumber} 已提交，请审核服务项目。", chinese, StringComparison.Ordinal);

        await EnglishAsync(client);
        var english = await InboxAsync(client);
        Assert.Contains($"Agreement {agreement.DocumentNumber} was submitted: please review its service items.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("已提交，请审核服务项目", english, StringComparison.Ordinal);

        // Mail and logs keep the Chinese text; the row keeps its template and the number as the argument.
        await TestParties.InTenantAsync(app, parties.Tenant, async (db, _) =>
        {
            var stored = await db.Notifications.AsNoTracking().SingleAsync(n => n.Link == $"/agreements/{agreement.Id}" && n.Kind == NotificationKind.Submitted
                && db.Users.Any(u => u.Id == n.UserId && u.Email == clinic2));
            Assert.Equal($"协议 {agreement.DocumentNumber} 已提交，请审核服务项目。", stored.Title);
            Assert.Equal("协议 {0} 已提交，请审核服务项目。", stored.TitleTemplate);
        });
    }

    [Fact]
    public async Task AFilingReturnedForCorrection_ReadsInEnglish_WithTheBureauTheDeadlineAndTheReasonAsWritten()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective);
        var correctBy = BeijingTime.Today(DateTimeOffset.UtcNow).AddDays(10);
        await TestParties.InTenantAsync(app, parties.Tenant, async (db, services) =>
        {
            var workflow = services.GetRequiredService<FilingWorkflow>();
            var filing = await db.Filings.SingleAsync(f => f.AgreementId == agreement.Id && f.Bureau == Bureau.CivilAffairs);
            Assert.Equal(SaveOutcome.Saved, await workflow.SubmitAsync(filing, AgreementActor.ElderCare(parties.StaffUserId, workflow.Now), null));
            Assert.Equal(SaveOutcome.Saved, await workflow.ReturnAsync(
                filing, RoleAssignment.CountyRegulator(Bureau.CivilAffairs, parties.CountyId), parties.CivilAffairsUserId, "缺少公章", correctBy));
        });
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", parties.ClinicEmail);
        var day = correctBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains($"{parties.CountyName}民政局要求补正协议 {agreement.DocumentNumber} 的备案，请于截止 {day}（含当日）前补正后重新报送：缺少公章",
            await InboxAsync(client), StringComparison.Ordinal);
        await EnglishAsync(client);
        Assert.Contains($"{parties.CountyName}民政局 asks for a correction of the filing of agreement {agreement.DocumentNumber}. Please correct it and submit again by {day} (inclusive): 缺少公章",
            await InboxAsync(client), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LabelsDatesAndListsInATitle_AreTranslatedToo()
    {
        var parties = await TestParties.CreateAsync(app);
        var reader = $"reader-{parties.Code}@test.demo";
        var userId = await parties.AddUserAsync(reader, RoleAssignment.MedicalAdmin(parties.ClinicId));
        var month = new DateOnly(2026, 11, 1);
        var title = new DomainMessage("协议 {0} 本月（{1:yyyy年M月}）应完成：{2}。", "YL-TEST-001", month, new DomainMessageList("、", [
            new DomainMessage("{0} {1} 次", "坐诊", 4),
            new DomainMessage("{0} {1} 人次", "健康体检", 30),
        ]));
        var answer = new DomainMessage("督查答复：协议 {0} 的{1}已答复督查通知", "YL-TEST-001", new DomainMessage(AgreementParty.ElderCare.ToChinese()));
        await TestParties.InTenantAsync(app, parties.Tenant, async (db, _) =>
        {
            var tenantId = (await db.Tenants.SingleAsync(t => t.Slug == parties.Tenant)).Id;
            db.Notifications.Add(new Notification(tenantId, userId, NotificationKind.FulfilmentDue, title, "/inbox", DateTimeOffset.UtcNow));
            db.Notifications.Add(new Notification(tenantId, userId, NotificationKind.Supervision, answer, "/inbox", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", reader);

        var chinese = await InboxAsync(client);
        Assert.Contains("协议 YL-TEST-001 本月（2026年11月）应完成：坐诊 4 次、健康体检 30 人次。", chinese, StringComparison.Ordinal);
        Assert.Contains("督查答复：协议 YL-TEST-001 的甲方（养老机构）已答复督查通知", chinese, StringComparison.Ordinal);

        await EnglishAsync(client);
        var english = await InboxAsync(client);
        Assert.Contains("Agreement YL-TEST-001, due this month (November 2026): 坐诊: 4 times, 健康体检: 30 residents served.", english, StringComparison.Ordinal);
        Assert.Contains("Supervision answer: Party A (elder care) of agreement YL-TEST-001 answered the supervision notice", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARowFromBeforeTemplates_ShowsItsStoredTitle_InEitherLanguage()
    {
        var parties = await TestParties.CreateAsync(app);
        var reader = $"old-{parties.Code}@test.demo";
        var userId = await parties.AddUserAsync(reader, RoleAssignment.MedicalAdmin(parties.ClinicId));
        await TestParties.InTenantAsync(app, parties.Tenant, async (db, _) =>
        {
            var tenantId = (await db.Tenants.SingleAsync(t => t.Slug == parties.Tenant)).Id;
            var old = new Notification(tenantId, userId, NotificationKind.Returned, new DomainMessage("协议 {0} 已退回修改。", "YL-OLD-001"), "/inbox", DateTimeOffset.UtcNow);
            db.Notifications.Add(old);
            await db.SaveChangesAsync();
            // As the migration left every row written before it: no template, no arguments.
            await db.Database.ExecuteSqlAsync($"UPDATE notifications SET title_template = NULL, title_args = NULL WHERE id = {old.Id}");
        });
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", reader);

        Assert.Contains("协议 YL-OLD-001 已退回修改。", await InboxAsync(client), StringComparison.Ordinal);
        await EnglishAsync(client);
        Assert.Contains("协议 YL-OLD-001 已退回修改。", await InboxAsync(client), StringComparison.Ordinal);
    }

    private static async Task<string> InboxAsync(PortalClient client)
    {
        var response = await client.GetAsync("/shaoxing/inbox");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static Task EnglishAsync(PortalClient client) =>
        client.SubmitAsync("/shaoxing/inbox", "/shaoxing/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/shaoxing/inbox" });
}
