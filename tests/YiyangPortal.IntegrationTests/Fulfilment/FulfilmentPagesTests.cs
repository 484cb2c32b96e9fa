using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Fulfilment;

/// <summary>
/// Issue 15 through the pages: the clinic records, the home confirms or disputes, each refused input comes back next
/// to its field with what was typed, and nobody outside the agreement's two parties acts on it (another clinic, another
/// home, another tenant are kept out; the county's regulators read it, ADR 047).
/// </summary>
public class FulfilmentPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Clinic_Records_AndTheHome_ConfirmsAndDisputes()
    {
        var (parties, agreement, doctor) = await InForceAsync();
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var day = agreement.ServiceDays()!.Value.From;

        var first = await RecordAsync(clinic, agreement, Fields(agreement, doctor, day));
        var second = await RecordAsync(clinic, agreement, Fields(agreement, doctor, day.AddDays(1)));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var records = await StoredAsync(parties, agreement.Id);
        var confirm = await home.SubmitAsync(Page(agreement), $"{Page(agreement)}/records/{records[0].Id}/confirm", new Dictionary<string, string>());
        var dispute = await home.SubmitAsync(Page(agreement), $"{Page(agreement)}/records/{records[1].Id}/dispute", new Dictionary<string, string> { ["reason"] = "当天未见医生" });

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, dispute.StatusCode);
        var answered = await StoredAsync(parties, agreement.Id);
        Assert.Equal([ServiceRecordStatus.Confirmed, ServiceRecordStatus.Disputed], answered.Select(r => r.Status));
        var page = await (await home.GetAsync($"{Page(agreement)}?month={day:yyyy-MM}")).Content.ReadAsStringAsync();
        Assert.Contains("当天未见医生", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"fulfilment\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisputedRecord_GoesBackToTheClinic_WhichCorrectsIt_AndTheHomeConfirmsAgain()
    {
        var (parties, agreement, doctor) = await InForceAsync();
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var day = agreement.ServiceDays()!.Value.From;
        await RecordAsync(clinic, agreement, Fields(agreement, doctor, day));
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var disputed = (await StoredAsync(parties, agreement.Id)).Single();
        await home.SubmitAsync(Page(agreement), $"{Page(agreement)}/records/{disputed.Id}/dispute", new Dictionary<string, string> { ["reason"] = "实到 12 人" });

        var month = await (await clinic.GetAsync($"{Page(agreement)}?month={day:yyyy-MM}")).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"correct-{disputed.Id}\"", month, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"correct-", await (await home.GetAsync($"{Page(agreement)}?month={day:yyyy-MM}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var form = await (await clinic.GetAsync($"{Page(agreement)}?correct={disputed.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"correcting\"", form, StringComparison.Ordinal);
        Assert.Contains($"name=\"CorrectsRecordId\" value=\"{disputed.Id}\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"18\"", form, StringComparison.Ordinal); // the old values, to be changed

        var fields = Fields(agreement, doctor, day);
        fields["ResidentsServed"] = "12";
        fields["CorrectsRecordId"] = disputed.Id.ToString();
        var saved = await RecordAsync(clinic, agreement, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await StoredAsync(parties, agreement.Id);
        var correction = Assert.Single(stored, r => r.CorrectsRecordId == disputed.Id);
        Assert.Equal((12, ServiceRecordStatus.Pending), (correction.ResidentsServed, correction.Status));
        var after = await (await clinic.GetAsync($"{Page(agreement)}?month={day:yyyy-MM}")).Content.ReadAsStringAsync();
        Assert.Contains("已被更正", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"correct-{disputed.Id}\"", after, StringComparison.Ordinal);
        var confirmed = await home.SubmitAsync(Page(agreement), $"{Page(agreement)}/records/{correction.Id}/confirm", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }

    [Fact]
    public async Task BadInput_ComesBackNextToItsField_WithWhatWasTyped()
    {
        var (parties, agreement, doctor) = await InForceAsync();
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var fields = Fields(agreement, doctor, BeijingTime.Today(DateTimeOffset.UtcNow).AddDays(3));
        fields["Notes"] = "家属电话 13800138000";
        fields["ResidentsServed"] = "-3";

        var response = await RecordAsync(clinic, agreement, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-field-error=\"ServiceDate\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"Notes\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"ResidentsServed\"", html, StringComparison.Ordinal);
        Assert.Contains("只记人数", html, StringComparison.Ordinal);
        Assert.Contains("value=\"家属电话 13800138000\"", html, StringComparison.Ordinal);
        Assert.Empty(await StoredAsync(parties, agreement.Id));
    }

    [Fact]
    public async Task JuniorDoctor_OnAClauseOneSession_IsRefusedAtTheStaffField()
    {
        var (parties, agreement, _) = await InForceAsync();
        var junior = await StaffAsync(parties, "钱医师", ProfessionalTitle.Junior);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var fields = Fields(agreement, junior, agreement.ServiceDays()!.Value.From);
        fields["AgreementItemId"] = agreement.IncludedItems.Single(i => i.Clause == TemplateClause.ClinicSessions).Id.ToString();

        var response = await RecordAsync(clinic, agreement, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("data-field-error=\"StaffMemberId\"", html, StringComparison.Ordinal);
        Assert.Contains("中级职称及以上", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clinic_AddsToItsRoster_WithTheMessageAtTheFieldWhenEmpty()
    {
        var (parties, agreement, _) = await InForceAsync();
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);

        var empty = await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/staff", new Dictionary<string, string> { ["staffName"] = "", ["staffTitle"] = "Senior" });
        var added = await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/staff", new Dictionary<string, string> { ["staffName"] = "孙主任", ["staffTitle"] = "Senior" });
        var twice = await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/staff", new Dictionary<string, string> { ["staffName"] = " 孙主任", ["staffTitle"] = "Senior" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("data-field-error=\"StaffName\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("孙主任", await (await clinic.GetAsync(Page(agreement))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("data-field-error=\"StaffName\">孙主任已在本机构人员名册中。", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await TestData.InTenantAsync(app, parties.Tenant, db => db.StaffMembers.CountAsync(s => s.MedicalInstitutionId == parties.ClinicId && s.Name == "孙主任")));
    }

    [Fact]
    public async Task EachSide_MayOnlyTakeItsOwnStep()
    {
        var (parties, agreement, doctor) = await InForceAsync();
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        await RecordAsync(clinic, agreement, Fields(agreement, doctor, agreement.ServiceDays()!.Value.From));
        var record = (await StoredAsync(parties, agreement.Id)).Single();

        var homeRecords = await RecordAsync(home, agreement, Fields(agreement, doctor, agreement.ServiceDays()!.Value.From.AddDays(1)));
        var clinicConfirms = await clinic.SubmitAsync(Page(agreement), $"{Page(agreement)}/records/{record.Id}/confirm", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Forbidden, homeRecords.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, clinicConfirms.StatusCode);
        Assert.Equal(ServiceRecordStatus.Pending, (await StoredAsync(parties, agreement.Id)).Single().Status);
    }

    [Fact]
    public async Task OtherClinicHomeCountyAndTenant_AreKeptOut()
    {
        var (parties, agreement, doctor) = await InForceAsync();
        var others = await TestParties.CreateAsync(app);
        var otherClinic = await PortalClient.SignedInAsync(app, others.ClinicEmail);
        var otherHome = await PortalClient.SignedInAsync(app, others.StaffEmail);
        var regulator = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");

        Assert.Equal(HttpStatusCode.NotFound, (await otherClinic.GetAsync(Page(agreement))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherHome.GetAsync(Page(agreement))).StatusCode);
        // The county's regulator reads (ADR 047) but takes no step: every post is the parties'.
        Assert.Equal(HttpStatusCode.OK, (await regulator.GetAsync(Page(agreement))).StatusCode);
        var regulatorPost = await regulator.SubmitAsync(Page(agreement), $"{Page(agreement)}/records", Fields(agreement, doctor, agreement.ServiceDays()!.Value.From));
        Assert.Contains("403", PortalClient.RedirectPath(regulatorPost), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/agreements/{agreement.Id}/fulfilment")).StatusCode);
        var post = await otherClinic.SubmitAsync(
            $"/shaoxing/agreements", $"{Page(agreement)}/records", Fields(agreement, doctor, agreement.ServiceDays()!.Value.From));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Empty(await StoredAsync(parties, agreement.Id));
    }

    [Fact]
    public async Task CountyRegulator_ReadsTheRecordsAndAnswers_WithoutForms_OtherCountiesAndTenantsNot()
    {
        var (parties, agreement, doctor) = await InForceAsync();
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var day = agreement.ServiceDays()!.Value.From;
        await RecordAsync(clinic, agreement, Fields(agreement, doctor, day));
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var record = (await StoredAsync(parties, agreement.Id)).Single();
        await home.SubmitAsync(Page(agreement), $"{Page(agreement)}/records/{record.Id}/dispute", new Dictionary<string, string> { ["reason"] = "医生未到场" });

        foreach (var email in new[] { parties.HealthEmail, parties.CivilAffairsEmail })
        {
            var regulator = await PortalClient.SignedInAsync(app, email);
            var page = await regulator.GetAsync($"{Page(agreement)}?month={day:yyyy-MM}");
            var html = await page.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("医生未到场", html, StringComparison.Ordinal);
            Assert.Contains("data-testid=\"regulator-view\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"record-form\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"staff-form\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("/confirm\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"grid-link\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"fees-link\"", html, StringComparison.Ordinal);
            // The agreement page links to it, as it does for the parties.
            var detail = await (await regulator.GetAsync($"/shaoxing/agreements/{agreement.Id}")).Content.ReadAsStringAsync();
            Assert.Contains("data-testid=\"fulfilment-link\"", detail, StringComparison.Ordinal);
            // Reading is not answering: the home's steps stay the home's.
            var confirm = await regulator.SubmitAsync(Page(agreement), $"{Page(agreement)}/records/{record.Id}/confirm", new Dictionary<string, string>());
            Assert.Contains("403", PortalClient.RedirectPath(confirm), StringComparison.Ordinal);
        }

        var others = await TestParties.CreateAsync(app);
        var otherCounty = await PortalClient.SignedInAsync(app, others.HealthEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCounty.GetAsync(Page(agreement))).StatusCode);
        var wenzhouParties = await TestParties.CreateAsync(app, "wenzhou");
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", wenzhouParties.HealthEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/agreements/{agreement.Id}/fulfilment")).StatusCode);
        Assert.Equal(ServiceRecordStatus.Disputed, (await StoredAsync(parties, agreement.Id)).Single().Status);
    }

    private async Task<(TestParties Parties, Agreement Agreement, StaffMember Doctor)> InForceAsync()
    {
        var parties = await TestParties.CreateAsync(app);
        var agreement = await parties.AgreementAsync(
            AgreementStatus.Effective, new AgreementShape(SignedAtUtc: DateTimeOffset.UtcNow.AddDays(-40)));
        return (parties, agreement, await StaffAsync(parties, "吴医生", ProfessionalTitle.Intermediate));
    }

    private async Task<StaffMember> StaffAsync(TestParties parties, string name, ProfessionalTitle title)
    {
        var staff = new StaffMember(parties.TenantId, parties.ClinicId, name, title);
        await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            db.StaffMembers.Add(staff);
            return await db.SaveChangesAsync();
        });
        return staff;
    }

    private static string Page(Agreement agreement) => $"/shaoxing/agreements/{agreement.Id}/fulfilment";

    private static Dictionary<string, string> Fields(Agreement agreement, StaffMember staff, DateOnly day) => new()
    {
        ["AgreementItemId"] = agreement.IncludedItems.First(i => i.Clause is null && i.Frequency > 0).Id.ToString(),
        ["ServiceDate"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["StaffMemberId"] = staff.Id.ToString(),
        ["ResidentsServed"] = "18",
        ["DurationMinutes"] = "90",
        ["Notes"] = "健康讲座：慢病用药",
    };

    private static Task<HttpResponseMessage> RecordAsync(PortalClient client, Agreement agreement, Dictionary<string, string> fields) =>
        client.SubmitAsync(Page(agreement), $"{Page(agreement)}/records", fields);

    private Task<List<ServiceRecord>> StoredAsync(TestParties parties, Guid agreementId) =>
        TestData.InTenantAsync(app, parties.Tenant, db =>
            db.ServiceRecords.AsNoTracking().Where(r => r.AgreementId == agreementId).OrderBy(r => r.ServiceDate).ToListAsync());
}
