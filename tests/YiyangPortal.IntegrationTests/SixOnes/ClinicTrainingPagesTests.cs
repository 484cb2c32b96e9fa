using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.SixOnes;

/// <summary>
/// 培训 given by a clinic (绍市民〔2024〕6号 二.6; 附件1 六): recorded on the clinic's page for a home it has an agreement
/// in force with, counted in that home's 六个一 training line and shown there as recorded by the clinic; refused for any
/// other home, and out of reach for homes, regulators and other tenants.
/// </summary>
public class ClinicTrainingPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Page = "/shaoxing/medical/training";

    [Fact]
    public async Task Clinic_RecordsForItsPartner_AndTheHomesTrainingLineIsMet()
    {
        var parties = await TestParties.CreateAsync(app);
        await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var before = await (await home.GetAsync("/shaoxing/eldercare")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"six-one-Training\" data-result=\"NotMet\"", before, StringComparison.Ordinal);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        Assert.Contains(parties.HomeName, await (await clinic.GetAsync(Page)).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await clinic.SubmitAsync(Page, Page, Fields(parties.HomeId, "慢病照护", "18"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = await (await home.GetAsync("/shaoxing/eldercare")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"six-one-Training\" data-result=\"Met\"", after, StringComparison.Ordinal);
        Assert.Contains("今年培训 1 次，共 18 人次", after, StringComparison.Ordinal);
        var sixOnes = await (await home.GetAsync("/shaoxing/eldercare/six-ones")).Content.ReadAsStringAsync();
        Assert.Contains($"{parties.ClinicName}（医疗机构登记）", sixOnes, StringComparison.Ordinal);
        var stored = await TestData.InTenantAsync(app, parties.Tenant, db => db.TrainingSessions.SingleAsync(t => t.ElderCareInstitutionId == parties.HomeId));
        Assert.Equal((AgreementParty.Medical, (Guid?)parties.ClinicId, 18), (stored.RecordedBy, stored.MedicalInstitutionId, stored.Attendees));
        Assert.Contains("慢病照护", await (await clinic.GetAsync(Page)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHomeWithoutAnAgreementInForce_IsRefusedAtTheHomeField()
    {
        var parties = await TestParties.CreateAsync(app);
        await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var others = await TestParties.CreateAsync(app);
        await others.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);

        var page = await (await clinic.GetAsync(Page)).Content.ReadAsStringAsync();
        var notPartner = await clinic.SubmitAsync(Page, Page, Fields(others.HomeId, "应急急救", "10"));
        var none = await clinic.SubmitAsync(Page, Page, Fields(null, "应急急救", "10"));
        var bad = await clinic.SubmitAsync(Page, Page, Fields(parties.HomeId, "", "0"));

        Assert.DoesNotContain(others.HomeName, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notPartner.StatusCode);
        Assert.Contains("data-field-error=\"ElderCareInstitutionId\">本机构与该养老机构没有有效协议", await notPartner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("data-field-error=\"ElderCareInstitutionId\">请选择接受培训的养老机构。", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"Topic\"", badHtml, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"Attendees\"", badHtml, StringComparison.Ordinal);
        Assert.Equal(0, await TestData.InTenantAsync(app, parties.Tenant, db =>
            db.TrainingSessions.CountAsync(t => t.ElderCareInstitutionId == parties.HomeId || t.ElderCareInstitutionId == others.HomeId)));
    }

    [Fact]
    public async Task AnAgreementNotInForce_DoesNotMakeAPartner()
    {
        var parties = await TestParties.CreateAsync(app);
        await parties.AgreementAsync(AgreementStatus.PendingSignature);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);

        var refused = await clinic.SubmitAsync(Page, Page, Fields(parties.HomeId, "应急急救", "10"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("data-testid=\"no-partners\"", await (await clinic.GetAsync(Page)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomesRegulatorsAndOtherTenants_AreKeptOut()
    {
        var parties = await TestParties.CreateAsync(app);
        await parties.AgreementAsync(AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var regulator = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");

        Assert.Contains("403", PortalClient.RedirectPath(await home.GetAsync(Page)), StringComparison.Ordinal);
        Assert.Contains("403", PortalClient.RedirectPath(await regulator.GetAsync(Page)), StringComparison.Ordinal);
        var foreign = await wenzhou.SubmitAsync("/wenzhou/medical/training", "/wenzhou/medical/training", Fields(parties.HomeId, "应急急救", "10"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Equal(0, await TestData.InTenantAsync(app, parties.Tenant, db => db.TrainingSessions.CountAsync(t => t.ElderCareInstitutionId == parties.HomeId)));
    }

    private static Dictionary<string, string> Fields(Guid? homeId, string topic, string attendees) => new()
    {
        ["ElderCareInstitutionId"] = homeId?.ToString() ?? string.Empty,
        ["HeldOn"] = BeijingTime.Today(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Topic"] = topic,
        ["Attendees"] = attendees,
    };
}
