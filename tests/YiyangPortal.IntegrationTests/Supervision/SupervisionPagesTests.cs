using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Supervision;

/// <summary>
/// 督查 (issue 15): a county bureau sends a notice to one party of an agreement in its county and sees the answer; the
/// addressed party answers once; bad input comes back next to its field with what was typed; nobody else gets in.
/// </summary>
public class SupervisionPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task TheBureau_SendsToTheClinic_WhichAnswersOnce_AndTheBureauSeesTheAnswer()
    {
        var (parties, agreement) = await InForceAsync();
        var bureau = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);

        var sent = await bureau.SubmitAsync(Page(agreement), Page(agreement), Fields("Medical", "10 月坐诊少 1 次，请说明原因并补足", 14));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var notice = await TestData.InTenantAsync(app, parties.Tenant, db => db.SupervisionNotices.AsNoTracking().SingleAsync(n => n.AgreementId == agreement.Id));
        var told = await TestData.InTenantAsync(app, parties.Tenant, db => db.Notifications.Where(n => n.Kind == NotificationKind.Supervision && n.UserId == parties.ClinicUserId).CountAsync());
        Assert.Equal(1, told);

        var clinicPage = await (await clinic.GetAsync(Page(agreement))).Content.ReadAsStringAsync();
        Assert.Contains("10 月坐诊少 1 次", clinicPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"answer-form\"", clinicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("10 月坐诊少 1 次", await (await home.GetAsync(Page(agreement))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var answered = await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/{notice.Id}/answer", new Dictionary<string, string> { ["response"] = "已于 11 月 3 日补足一次坐诊" });
        var again = await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/{notice.Id}/answer", new Dictionary<string, string> { ["response"] = "再改一次" });

        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("该督查通知已经答复，答复不能修改。", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bureauPage = await (await bureau.GetAsync(Page(agreement))).Content.ReadAsStringAsync();
        Assert.Contains("已于 11 月 3 日补足一次坐诊", bureauPage, StringComparison.Ordinal);
        Assert.DoesNotContain("再改一次", bureauPage, StringComparison.Ordinal);
        Assert.Equal(1, await TestData.InTenantAsync(app, parties.Tenant, db => db.Notifications.CountAsync(n => n.Kind == NotificationKind.Supervision && n.UserId == parties.HealthUserId)));
    }

    [Fact]
    public async Task BadInput_IsRefusedAtItsField_WithWhatWasTyped()
    {
        var (parties, agreement) = await InForceAsync();
        var bureau = await PortalClient.SignedInAsync(app, parties.CivilAffairsEmail);

        var fields = Fields("", "请说明原因，联系人身份证 330602199001011234", 0);
        fields["RespondBy"] = "2026-13-45";
        var response = await bureau.SubmitAsync(Page(agreement), Page(agreement), fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-field-error=\"Addressee\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"RespondBy\">“2026-13-45”不是有效的日期", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"Body\">内容中似乎有身份证号码", html, StringComparison.Ordinal);
        Assert.Contains("请说明原因，联系人身份证 330602199001011234", html, StringComparison.Ordinal);
        Assert.Equal(0, await TestData.InTenantAsync(app, parties.Tenant, db => db.SupervisionNotices.CountAsync(n => n.AgreementId == agreement.Id)));
    }

    [Fact]
    public async Task PartiesCannotSend_AndOtherCountiesHomesAndTenants_AreKeptOut()
    {
        var (parties, agreement) = await InForceAsync();
        var others = await TestParties.CreateAsync(app);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var otherBureau = await PortalClient.SignedInAsync(app, others.HealthEmail);
        var otherHome = await PortalClient.SignedInAsync(app, others.StaffEmail);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "admin@wenzhou.demo");
        var bureau = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        await bureau.SubmitAsync(Page(agreement), Page(agreement), Fields("Medical", "请说明 11 月查房安排", 7));
        var notice = await TestData.InTenantAsync(app, parties.Tenant, db => db.SupervisionNotices.AsNoTracking().SingleAsync(n => n.AgreementId == agreement.Id));

        Assert.Equal(HttpStatusCode.Forbidden, (await clinic.SubmitAsync(Page(agreement), Page(agreement), Fields("ElderCare", "自己督查自己", 7))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await home.SubmitAsync(Page(agreement), $"{Page(agreement)}/{notice.Id}/answer", new Dictionary<string, string> { ["response"] = "不是发给我们的" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBureau.GetAsync(Page(agreement))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHome.GetAsync(Page(agreement))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/agreements/{agreement.Id}/supervision")).StatusCode);
        Assert.Equal(1, await TestData.InTenantAsync(app, parties.Tenant, db => db.SupervisionNotices.CountAsync(n => n.AgreementId == agreement.Id)));
        Assert.Null((await TestData.InTenantAsync(app, parties.Tenant, db => db.SupervisionNotices.AsNoTracking().SingleAsync(n => n.Id == notice.Id))).Response);
    }

    private async Task<(TestParties Parties, Agreement Agreement)> InForceAsync()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        return (parties, agreement);
    }

    private static string Page(Agreement agreement) => $"/shaoxing/agreements/{agreement.Id}/supervision";

    private static Dictionary<string, string> Fields(string addressee, string body, int daysToAnswer) => new()
    {
        ["Addressee"] = addressee,
        ["Body"] = body,
        ["RespondBy"] = BeijingTime.Today(DateTimeOffset.UtcNow).AddDays(daysToAnswer).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
