using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.TenantAdmin;

/// <summary>
/// ADR 049: the city's administrator corrects the names of a county's 民政 and 卫生健康 bureaus (2020 guide 六(四)).
/// New drafts, the bureau choices and the public list show the new names; a draft submitted after the rename carries
/// them; an agreement already submitted keeps its own. Bad input, another tenant's county, other roles and two
/// administrators at once are each refused without saving anything.
/// </summary>
public partial class CountyBureausPagesTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Admin_RenamesTheBureaus_IndexDraftChoicesAndPublicListShowTheNewNames()
    {
        var parties = await TestParties.CreateAsync(app);
        var draft = await parties.AgreementAsync(AgreementStatus.Draft);
        var admin = await PortalClient.SignedInAsync(app, "admin@shaoxing.demo");
        var (civil, health) = ($"{parties.CountyName}社会事业局", $"{parties.CountyName}卫生健康委员会");

        var saved = await admin.SubmitAsync(Page(parties), Page(parties), new Dictionary<string, string>
        {
            ["CivilAffairsBureauName"] = $"  {civil} ",
            ["HealthBureauName"] = health,
        });

        Assert.Equal("/shaoxing/admin", PortalClient.RedirectPath(saved));
        var county = await CountyAsync(parties);
        Assert.Equal((civil, health), (county.CivilAffairsBureauName, county.HealthBureauName));
        var index = await (await admin.GetAsync("/shaoxing/admin")).Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"civil-affairs-bureau\">{civil}<", index, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"health-bureau\">{health}<", index, StringComparison.Ordinal);

        var staff = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var edit = await (await staff.GetAsync($"/shaoxing/agreements/{draft.Id}/edit")).Content.ReadAsStringAsync();
        Assert.Contains(civil, edit, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{parties.CountyId}\"[^>]*>{health}</option>", edit);

        var visitor = PortalClient.For(app);
        var homes = await (await visitor.GetAsync($"/shaoxing/public?county={parties.CountyId}")).Content.ReadAsStringAsync();
        var clinics = await (await visitor.GetAsync($"/shaoxing/public?tab=medical&county={parties.CountyId}")).Content.ReadAsStringAsync();
        Assert.Contains(civil, homes, StringComparison.Ordinal);
        Assert.Contains(health, clinics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADraftSubmittedAfterTheRename_CarriesTheNewNames_ASubmittedAgreementKeepsItsOwn()
    {
        var parties = await TestParties.CreateAsync(app);
        var draft = await parties.AgreementAsync(AgreementStatus.Draft);
        var underReview = await parties.AgreementAsync(AgreementStatus.PendingMedicalReview);
        var admin = await PortalClient.SignedInAsync(app, "admin@shaoxing.demo");
        var (civil, health) = ($"{parties.CountyName}民政和社会事务局", $"{parties.CountyName}卫生健康委员会");
        await admin.SubmitAsync(Page(parties), Page(parties), new Dictionary<string, string>
        {
            ["CivilAffairsBureauName"] = civil,
            ["HealthBureauName"] = health,
        });

        // Submitted from the draft form: the names come from the register, whatever the form carried.
        var staff = await PortalClient.SignedInAsync(app, parties.StaffEmail);
        var submitted = await staff.SubmitAsync(
            $"/shaoxing/agreements/{draft.Id}/edit", $"/shaoxing/agreements/{draft.Id}/draft",
            await AgreementSteps.TermsAsync(staff, draft.Id.ToString(), submit: true));

        Assert.Equal($"/shaoxing/agreements/{draft.Id}", PortalClient.RedirectPath(submitted));
        var (nowSubmitted, kept) = await TestData.InTenantAsync(app, parties.Tenant, async db => (
            await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == draft.Id),
            await db.Agreements.AsNoTracking().SingleAsync(a => a.Id == underReview.Id)));
        Assert.Equal(AgreementStatus.PendingMedicalReview, nowSubmitted.Status);
        Assert.Equal((civil, health), (nowSubmitted.Terms.CivilAffairsBureauName, nowSubmitted.Terms.HealthBureauName));
        Assert.Equal(
            ($"{parties.CountyName}民政局", $"{parties.CountyName}卫生健康局"),
            (kept.Terms.CivilAffairsBureauName, kept.Terms.HealthBureauName));
        var detail = await (await staff.GetAsync($"/shaoxing/agreements/{underReview.Id}")).Content.ReadAsStringAsync();
        Assert.Contains($"{parties.CountyName}民政局", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(civil, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_ComesBackNextToItsField_WithWhatWasTyped_AndNothingIsSaved()
    {
        var parties = await TestParties.CreateAsync(app);
        var admin = await PortalClient.SignedInAsync(app, "admin@shaoxing.demo");
        var tooLong = new string('卫', County.MaxBureauNameLength + 1);

        var refused = await admin.SubmitAsync(Page(parties), Page(parties), new Dictionary<string, string>
        {
            ["CivilAffairsBureauName"] = "   ",
            ["HealthBureauName"] = tooLong,
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"CivilAffairsBureauName\">请填写民政部门的名称。", body, StringComparison.Ordinal);
        Assert.Contains("data-field-error=\"HealthBureauName\">卫生健康部门的名称不能超过 50 个字。", body, StringComparison.Ordinal);
        Assert.Contains($"value=\"{tooLong}\"", body, StringComparison.Ordinal);
        var county = await CountyAsync(parties);
        Assert.Equal(
            ($"{parties.CountyName}民政局", $"{parties.CountyName}卫生健康局"),
            (county.CivilAffairsBureauName, county.HealthBureauName));
    }

    [Fact]
    public async Task AnotherTenantsCounty_IsNotFound()
    {
        var wenzhouCounty = await TestParties.CreateAsync(app, "wenzhou");
        var shaoxingCounty = await TestParties.CreateAsync(app);
        var admin = await PortalClient.SignedInAsync(app, "admin@shaoxing.demo");
        var wenzhouAdmin = await PortalClient.SignedInAsync(app, "admin@wenzhou.demo", "/wenzhou");
        var fields = new Dictionary<string, string> { ["CivilAffairsBureauName"] = "改名民政局", ["HealthBureauName"] = "改名卫生健康局" };

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/shaoxing/admin/counties/{wenzhouCounty.CountyId}/bureaus")).StatusCode);
        var posted = await admin.SubmitAsync("/shaoxing/admin", $"/shaoxing/admin/counties/{wenzhouCounty.CountyId}/bureaus", fields);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wenzhouAdmin.GetAsync($"/wenzhou/admin/counties/{shaoxingCounty.CountyId}/bureaus")).StatusCode);
        Assert.Equal($"{wenzhouCounty.CountyName}民政局", (await CountyAsync(wenzhouCounty)).CivilAffairsBureauName);
    }

    [Fact]
    public async Task OtherRoles_AreKeptOut_AndSaveNothing()
    {
        var parties = await TestParties.CreateAsync(app);
        var fields = new Dictionary<string, string> { ["CivilAffairsBureauName"] = "改名民政局", ["HealthBureauName"] = "改名卫生健康局" };

        foreach (var email in new[] { parties.StaffEmail, parties.ClinicEmail, parties.CivilAffairsEmail, parties.HealthEmail })
        {
            var user = await PortalClient.SignedInAsync(app, email);
            Assert.Contains("403", PortalClient.RedirectPath(await user.GetAsync(Page(parties))), StringComparison.Ordinal);
            var posted = await user.SubmitAsync("/shaoxing", Page(parties), fields);
            Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
            Assert.DoesNotContain("/shaoxing/admin", PortalClient.RedirectPath(posted) ?? string.Empty, StringComparison.Ordinal);
        }

        var anonymous = PortalClient.For(app);
        Assert.Contains("login", PortalClient.RedirectPath(await anonymous.GetAsync(Page(parties))), StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"{parties.CountyName}民政局", (await CountyAsync(parties)).CivilAffairsBureauName);
    }

    [Fact]
    public async Task TwoAdminsAtOnce_TheSecondGetsTheConflictMessage_WithWhatTheyTyped()
    {
        var parties = await TestParties.CreateAsync(app);
        var first = await PortalClient.SignedInAsync(app, "admin@shaoxing.demo");
        var second = await PortalClient.SignedInAsync(app, "admin@shaoxing.demo");
        var version = FormVersion().Match(await (await second.GetAsync(Page(parties))).Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(version);

        var saved = await first.SubmitAsync(Page(parties), Page(parties), new Dictionary<string, string>
        {
            ["CivilAffairsBureauName"] = "甲民政局",
            ["HealthBureauName"] = "甲卫生健康委员会",
            ["Version"] = FormVersion().Match(await (await first.GetAsync(Page(parties))).Content.ReadAsStringAsync()).Groups[1].Value,
        });
        var late = await second.SubmitAsync(Page(parties), Page(parties), new Dictionary<string, string>
        {
            ["CivilAffairsBureauName"] = "乙民政局",
            ["HealthBureauName"] = "乙卫生健康局",
            ["Version"] = version,
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        var body = await late.Content.ReadAsStringAsync();
        Assert.Contains("刚刚被其他管理员修改为“甲民政局”“甲卫生健康委员会”", body, StringComparison.Ordinal);
        Assert.Contains("value=\"乙民政局\"", body, StringComparison.Ordinal);
        var county = await CountyAsync(parties);
        Assert.Equal(("甲民政局", "甲卫生健康委员会"), (county.CivilAffairsBureauName, county.HealthBureauName));

        // Saving again from the re-shown form is a deliberate overwrite, with the version now saved.
        var again = await second.SubmitAsync(Page(parties), Page(parties), new Dictionary<string, string>
        {
            ["CivilAffairsBureauName"] = "乙民政局",
            ["HealthBureauName"] = "乙卫生健康局",
            ["Version"] = FormVersion().Match(body).Groups[1].Value,
        });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("乙民政局", (await CountyAsync(parties)).CivilAffairsBureauName);
    }

    private static string Page(TestParties parties) => $"/shaoxing/admin/counties/{parties.CountyId}/bureaus";

    private Task<County> CountyAsync(TestParties parties) =>
        TestData.InTenantAsync(app, parties.Tenant, db => db.Counties.AsNoTracking().SingleAsync(c => c.Id == parties.CountyId));

    [GeneratedRegex("name=\"Version\" value=\"([0-9]+)\"")]
    private static partial Regex FormVersion();
}
