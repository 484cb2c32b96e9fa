using System.Net;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Roster;

/// <summary>
/// 人员名册 (issue 15) on its own page: the clinic adds, edits, deactivates and reactivates its members; bad input comes
/// back next to its field; two edits at once give a conflict message; nobody but the clinic's own users gets in.
/// </summary>
public class RosterPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string Page = "/shaoxing/medical/staff";

    [Fact]
    public async Task Clinic_AddsEditsDeactivatesAndReactivates()
    {
        var parties = await TestParties.CreateAsync(app);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);

        var added = await clinic.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Name"] = " 孙主任 ", ["Title"] = "AssociateSenior" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var member = await MemberAsync(parties, "孙主任");
        Assert.Equal(ProfessionalTitle.AssociateSenior, member.Title);

        var edit = $"{Page}/{member.Id}/edit";
        var promoted = await clinic.SubmitAsync(edit, edit, new Dictionary<string, string> { ["Name"] = "孙主任", ["Title"] = "Senior" });
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Equal(ProfessionalTitle.Senior, (await MemberAsync(parties, "孙主任")).Title);

        var off = await clinic.SubmitAsync(Page, $"{Page}/{member.Id}/deactivate", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False((await MemberAsync(parties, "孙主任")).IsActive);
        var list = await (await clinic.GetAsync(Page)).Content.ReadAsStringAsync();
        Assert.Contains("孙主任", list, StringComparison.Ordinal);
        Assert.Contains("已停用", list, StringComparison.Ordinal);

        var on = await clinic.SubmitAsync(Page, $"{Page}/{member.Id}/reactivate", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);
        Assert.True((await MemberAsync(parties, "孙主任")).IsActive);
    }

    [Fact]
    public async Task BadInput_ComesBackNextToItsField_AndNothingIsSaved()
    {
        var parties = await TestParties.CreateAsync(app);
        await AddAsync(parties, "吴医生", ProfessionalTitle.Intermediate);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);

        var empty = await clinic.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Name"] = "", ["Title"] = "Senior" });
        var twice = await clinic.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Name"] = "吴医生", ["Title"] = "Senior" });
        var unknown = await clinic.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Name"] = "郑医生", ["Title"] = "Professor" });
        var number = await clinic.SubmitAsync(Page, Page, new Dictionary<string, string> { ["Name"] = "郑医生", ["Title"] = "9" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, empty.StatusCode);
        Assert.Contains("data-field-error=\"Name\">请填写人员姓名。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);
        Assert.Contains("data-field-error=\"Name\">吴医生已在本机构人员名册中。", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("data-field-error=\"Title\">请选择职称。", unknownHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"郑医生\"", unknownHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, number.StatusCode);
        Assert.Equal(1, await TestData.InTenantAsync(app, parties.Tenant, db => db.StaffMembers.CountAsync(s => s.MedicalInstitutionId == parties.ClinicId)));
    }

    [Fact]
    public async Task RenamingOrReactivating_IntoAnActiveName_IsRefused()
    {
        var parties = await TestParties.CreateAsync(app);
        await AddAsync(parties, "吴医生", ProfessionalTitle.Intermediate);
        var other = await AddAsync(parties, "钱医师", ProfessionalTitle.Junior);
        var clinic = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var edit = $"{Page}/{other.Id}/edit";

        var renamed = await clinic.SubmitAsync(edit, edit, new Dictionary<string, string> { ["Name"] = "吴医生", ["Title"] = "Junior" });
        await clinic.SubmitAsync(Page, $"{Page}/{other.Id}/deactivate", new Dictionary<string, string>());
        await AddAsync(parties, "钱医师", ProfessionalTitle.Intermediate);
        var back = await clinic.SubmitAsync(Page, $"{Page}/{other.Id}/reactivate", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, renamed.StatusCode);
        Assert.Contains("data-field-error=\"Name\">吴医生已在本机构人员名册中。", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, back.StatusCode);
        Assert.Contains("钱医师已在本机构人员名册中。", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await TestData.InTenantAsync(app, parties.Tenant, db => db.StaffMembers.Where(s => s.Id == other.Id).Select(s => s.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task TwoEditsAtOnce_TheSecondGetsTheConflictMessage()
    {
        var parties = await TestParties.CreateAsync(app);
        var member = await AddAsync(parties, "吴医生", ProfessionalTitle.Intermediate);
        var first = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var second = await PortalClient.SignedInAsync(app, parties.ClinicEmail);
        var edit = $"{Page}/{member.Id}/edit";
        var secondForm = await second.GetAsync(edit); // renders the version both started from
        var version = Version(await secondForm.Content.ReadAsStringAsync());

        var saved = await first.SubmitAsync(edit, edit, new Dictionary<string, string> { ["Name"] = "吴医生", ["Title"] = "AssociateSenior" });
        var late = await second.SubmitAsync(edit, edit, new Dictionary<string, string> { ["Name"] = "吴医生", ["Title"] = "Junior", ["Version"] = version });
        var lateOff = await second.SubmitAsync(Page, $"{Page}/{member.Id}/deactivate", new Dictionary<string, string> { ["version"] = version });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("该人员的信息刚刚被其他人修改过", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lateOff.StatusCode);
        var stored = await MemberAsync(parties, "吴医生");
        Assert.Equal((ProfessionalTitle.AssociateSenior, true), (stored.Title, stored.IsActive));
    }

    [Fact]
    public async Task OtherClinicHomeRegulatorAndTenant_AreKeptOut()
    {
        var parties = await TestParties.CreateAsync(app);
        var member = await AddAsync(parties, "吴医生", ProfessionalTitle.Intermediate);
        var others = await TestParties.CreateAsync(app);
        var otherClinic = await PortalClient.SignedInAsync(app, others.ClinicEmail);
        var home = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var regulator = await PortalClient.SignedInAsync(app, parties.HealthEmail);
        var wenzhou = PortalClient.For(app);
        await wenzhou.LoginAsync("/wenzhou", "clinic@wenzhou.demo");
        var edit = $"{Page}/{member.Id}/edit";

        Assert.DoesNotContain("吴医生", await (await otherClinic.GetAsync(Page)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClinic.GetAsync(edit)).StatusCode);
        var otherPost = await otherClinic.SubmitAsync(Page, edit, new Dictionary<string, string> { ["Name"] = "改名", ["Title"] = "Junior" });
        Assert.Equal(HttpStatusCode.NotFound, otherPost.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClinic.SubmitAsync(Page, $"{Page}/{member.Id}/deactivate", new Dictionary<string, string>())).StatusCode);
        Assert.Contains("403", PortalClient.RedirectPath(await home.GetAsync(Page)), StringComparison.Ordinal);
        Assert.Contains("403", PortalClient.RedirectPath(await regulator.GetAsync(Page)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhou.GetAsync($"/wenzhou/medical/staff/{member.Id}/edit")).StatusCode);
        var stored = await MemberAsync(parties, "吴医生");
        Assert.Equal((ProfessionalTitle.Intermediate, true), (stored.Title, stored.IsActive));
    }

    private static string Version(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"");
        Assert.True(match.Success);
        return match.Groups[1].Value;
    }

    private Task<StaffMember> MemberAsync(TestParties parties, string name) =>
        TestData.InTenantAsync(app, parties.Tenant, db => db.StaffMembers.AsNoTracking()
            .SingleAsync(s => s.MedicalInstitutionId == parties.ClinicId && s.Name == name));

    private async Task<StaffMember> AddAsync(TestParties parties, string name, ProfessionalTitle title)
    {
        var staff = new StaffMember(parties.TenantId, parties.ClinicId, name, title);
        await TestData.InTenantAsync(app, parties.Tenant, async db =>
        {
            db.StaffMembers.Add(staff);
            return await db.SaveChangesAsync();
        });
        return staff;
    }
}
