using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.TestSupport;
using YiyangPortal.Web.Features.Catalogue;
using YiyangPortal.Web.Features.Institutions;

namespace YiyangPortal.IntegrationTests.Concurrency;

/// <summary>
/// ADR 051 (review B findings 1, 2, 10): the institution registers and the catalogue save against the version their
/// form was rendered with, refuse duplicates at the field (backed by partial unique indexes, so a race is answered the
/// same way), and a 村卫生室 carries no grade.
/// </summary>
public sealed partial class RegisterConcurrencyTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private const string ElderCare = "/shaoxing/admin/institutions/eldercare";
    private const string Medical = "/shaoxing/admin/institutions/medical";
    private const string Catalogue = "/shaoxing/admin/catalogue";

    [Fact]
    public async Task TwoAdminsEditingOneHome_TheStaleSaveGetsTheConflictMessage_KeepsWhatWasTyped_AndSavesNothing()
    {
        var home = await TestData.NewElderCareAsync(app, "嵊州市", beds: 60, residents: 55);
        var (first, second) = (await AdminAsync(), await AdminAsync());
        var stale = FormOf(await (await first.GetAsync($"{ElderCare}/{home.Id}")).Content.ReadAsStringAsync());
        var fresh = FormOf(await (await second.GetAsync($"{ElderCare}/{home.Id}")).Content.ReadAsStringAsync());
        Assert.Matches("^[0-9]+$", stale["Version"]);

        fresh["Beds"] = "70";
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync($"{ElderCare}/{home.Id}", $"{ElderCare}/{home.Id}", fresh)).StatusCode);
        stale["Residents"] = "50";
        var refused = await first.SubmitAsync($"{ElderCare}/{home.Id}", $"{ElderCare}/{home.Id}", stale);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains(InstitutionRegisterController<ElderCareInstitution, ElderCareForm, ElderCareRow>.ConflictMessage, html, StringComparison.Ordinal);
        Assert.Contains("name=\"Residents\" type=\"text\" inputmode=\"numeric\" value=\"50\"", html, StringComparison.Ordinal);
        var saved = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.ElderCareInstitutions.Where(i => i.Id == home.Id).Select(i => new { i.Beds, i.Residents }).SingleAsync());
        Assert.Equal((70, 55), (saved.Beds, saved.Residents));

        // The form now carries the version saved: saving again is a deliberate overwrite, and goes through.
        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitAsync($"{ElderCare}/{home.Id}", $"{ElderCare}/{home.Id}", FormOf(html))).StatusCode);
    }

    [Fact]
    public async Task TwoAdminsEditingOneClinic_TheStaleSaveIsRefused()
    {
        var clinic = await TestData.NewMedicalAsync(app, "嵊州市");
        var (first, second) = (await AdminAsync(), await AdminAsync());
        var stale = FormOf(await (await first.GetAsync($"{Medical}/{clinic.Id}")).Content.ReadAsStringAsync());
        var fresh = FormOf(await (await second.GetAsync($"{Medical}/{clinic.Id}")).Content.ReadAsStringAsync());

        fresh["ContactPerson"] = "管理员二";
        Assert.Equal(HttpStatusCode.Redirect, (await second.SubmitAsync($"{Medical}/{clinic.Id}", $"{Medical}/{clinic.Id}", fresh)).StatusCode);
        stale["ContactPhone"] = "13800000001";
        var refused = await first.SubmitAsync($"{Medical}/{clinic.Id}", $"{Medical}/{clinic.Id}", stale);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("该机构刚刚被其他管理员修改过", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var saved = await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.MedicalInstitutions.Where(i => i.Id == clinic.Id).Select(i => new { i.ContactPerson, i.ContactPhone }).SingleAsync());
        Assert.Equal("管理员二", saved.ContactPerson);
        Assert.NotEqual("13800000001", saved.ContactPhone);
    }

    [Fact]
    public async Task TwoAdminsEditingOneCatalogueItem_TheStaleSaveIsRefused_AndTheDescriptionStays()
    {
        var admin = await AdminAsync();
        var created = await admin.SubmitAsync(Catalogue + "/new", Catalogue + "/new", Item("并发测试项目"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.ServiceItems.Where(i => i.Name == "并发测试项目").Select(i => i.Id).SingleAsync());
        var other = await AdminAsync();
        var stale = FormOf(await (await admin.GetAsync($"{Catalogue}/{id}")).Content.ReadAsStringAsync());
        var fresh = FormOf(await (await other.GetAsync($"{Catalogue}/{id}")).Content.ReadAsStringAsync());

        fresh["Description"] = "管理员二写的说明";
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync($"{Catalogue}/{id}", $"{Catalogue}/{id}", fresh)).StatusCode);
        var refused = await admin.SubmitAsync($"{Catalogue}/{id}", $"{Catalogue}/{id}", stale);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(CatalogueController.ConflictMessage, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("管理员二写的说明", await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.ServiceItems.Where(i => i.Id == id).Select(i => i.Description).SingleAsync()));
    }

    [Fact]
    public async Task SecondHome_WithTheSameNameInTheCounty_OrTheSameFilingNumber_IsRefusedAtTheField_UnlessTheFirstIsDeactivated()
    {
        var home = await TestData.NewElderCareAsync(app, "嵊州市");
        var admin = await AdminAsync();
        var existing = FormOf(await (await admin.GetAsync($"{ElderCare}/{home.Id}")).Content.ReadAsStringAsync());

        var sameName = NewHome(existing, name: home.Name, registration: "DUP-" + Guid.NewGuid().ToString("N")[..8]);
        var refused = await admin.SubmitAsync(ElderCare + "/new", ElderCare + "/new", sameName);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("data-field-error=\"Name\">本区县已登记同名的机构", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{sameName["RegistrationNumber"]}\"", html, StringComparison.Ordinal); // what was typed is kept

        var sameNumber = NewHome(existing, name: home.Name + "分院", registration: existing["RegistrationNumber"]);
        var refusedNumber = await admin.SubmitAsync(ElderCare + "/new", ElderCare + "/new", sameNumber);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedNumber.StatusCode);
        Assert.Contains($"data-field-error=\"RegistrationNumber\">该备案（登记）号已登记为“{home.Name}”。", await refusedNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountHomesAsync(home.Name));

        // A deactivated record no longer blocks its name; it cannot be reactivated beside the new one.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"{ElderCare}/{home.Id}", $"{ElderCare}/{home.Id}/active", new Dictionary<string, string> { ["active"] = "false" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(ElderCare + "/new", ElderCare + "/new", sameName)).StatusCode);
        var reactivate = await admin.SubmitAsync($"{ElderCare}/{home.Id}", $"{ElderCare}/{home.Id}/active", new Dictionary<string, string> { ["active"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reactivate.StatusCode);
        Assert.Contains($"不能启用：本区县已有在用的同名机构“{home.Name}”。", await reactivate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await CountHomesAsync(home.Name));
        Assert.False(await TestData.InTenantAsync(app, TestData.Shaoxing, db => db.ElderCareInstitutions.Where(i => i.Id == home.Id).Select(i => i.IsActive).SingleAsync()));
    }

    /// <summary>Several admins creating the same home at once: one is saved, the others get the field's message, never a 500.</summary>
    [Fact]
    public async Task SimultaneousCreatesOfOneHome_OneIsSaved_TheOthersGetTheFieldMessage()
    {
        var home = await TestData.NewElderCareAsync(app, "嵊州市");
        var admins = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AdminAsync()));
        var existing = FormOf(await (await admins[0].GetAsync($"{ElderCare}/{home.Id}")).Content.ReadAsStringAsync());
        var name = "并发登记测试养老院" + Guid.NewGuid().ToString("N")[..6];

        var answers = await Task.WhenAll(admins.Select((a, i) => a.SubmitAsync(ElderCare + "/new", ElderCare + "/new",
            NewHome(existing, name, registration: $"RACE-{i}-{Guid.NewGuid():N}"[..20]))));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("data-field-error=\"Name\">本区县已登记同名的机构", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await CountHomesAsync(name));
    }

    [Fact]
    public async Task DuplicateCatalogueItem_InTheSameCategory_IsRefusedAtTheName()
    {
        var admin = await AdminAsync();
        var refused = await admin.SubmitAsync(Catalogue + "/new", Catalogue + "/new", Item("老年护理需求评估"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("该服务类别中已有同名的在用服务项目", html, StringComparison.Ordinal);
        Assert.Equal(1, await TestData.InTenantAsync(app, TestData.Shaoxing, db =>
            db.ServiceItems.CountAsync(i => i.Name == "老年护理需求评估" && i.Category == ServiceCategory.Nursing)));
    }

    [Theory]
    [InlineData("VillageClinic", "Level3", "社区卫生服务站、村卫生室不评定医院等级")]
    [InlineData("CommunityHealthStation", "Level1", "社区卫生服务站、村卫生室不评定医院等级")]
    [InlineData("TownshipHealthCenter", "Level3", "乡镇卫生院、社区卫生服务中心的等级最高为二级")]
    public async Task AGradeTheKindDoesNotCarry_IsRefusedAtTheGrade(string kind, string grade, string message)
    {
        var clinic = await TestData.NewMedicalAsync(app, "嵊州市");
        var admin = await AdminAsync();
        var form = FormOf(await (await admin.GetAsync($"{Medical}/{clinic.Id}")).Content.ReadAsStringAsync());
        form.Remove("Version");
        (form["Name"], form["Kind"], form["Grade"], form["LicenseNumber"], form["CreditCode"]) =
            ("等级测试村卫生室" + Guid.NewGuid().ToString("N")[..6], kind, grade, "PDY-GRADE-" + Guid.NewGuid().ToString("N")[..8], string.Empty);

        var refused = await admin.SubmitAsync(Medical + "/new", Medical + "/new", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains($"data-field-error=\"Grade\">{message}", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{form["Name"]}\"", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> NewHome(Dictionary<string, string> like, string name, string registration)
    {
        var form = new Dictionary<string, string>(like) { ["Name"] = name, ["RegistrationNumber"] = registration };
        form.Remove("Version");
        form["CreditCode"] = UnifiedSocialCreditCode.Complete($"52330683MJ{Random.Shared.Next(1_000_000, 10_000_000)}").Value;
        return form;
    }

    private static Dictionary<string, string> Item(string name) => new()
    {
        ["Category"] = "Nursing",
        ["Name"] = name,
        ["Unit"] = "PerPerson",
        ["Funding"] = "CooperationFee",
        ["IsActive"] = "true",
    };

    private Task<int> CountHomesAsync(string name) =>
        TestData.InTenantAsync(app, TestData.Shaoxing, db => db.ElderCareInstitutions.CountAsync(i => i.Name == name));

    private async Task<PortalClient> AdminAsync()
    {
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", "admin@shaoxing.demo");
        return client;
    }

    /// <summary>The form's fields as the page renders them: inputs, hidden fields, checked boxes and selected options.</summary>
    private static Dictionary<string, string> FormOf(string html)
    {
        var form = new Dictionary<string, string>();
        foreach (Match input in Input().Matches(html))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            if (name is null || name == "__RequestVerificationToken" || name == "active") { continue; }
            var type = Attribute(tag, "type");
            if (type == "checkbox")
            {
                if (tag.Contains("checked", StringComparison.Ordinal)) { form[name] = "true"; }
                continue;
            }

            if (!form.ContainsKey(name)) { form[name] = System.Net.WebUtility.HtmlDecode(Attribute(tag, "value") ?? string.Empty); }
        }

        foreach (Match select in Select().Matches(html))
        {
            var selected = Selected().Match(select.Groups[2].Value);
            form[select.Groups[1].Value] = selected.Success ? selected.Groups[1].Value : string.Empty;
        }

        foreach (Match area in TextArea().Matches(html))
        {
            form[area.Groups[1].Value] = System.Net.WebUtility.HtmlDecode(area.Groups[2].Value);
        }

        return form;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\"")]
    private static partial Regex Selected();

    [GeneratedRegex("<textarea[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextArea();
}
