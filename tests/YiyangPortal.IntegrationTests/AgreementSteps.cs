using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>
/// The agreement journey over HTTP, step by step as the pages do it (draft, add an item, fill the terms, review,
/// sign), for the test classes that need an agreement in some state.
/// </summary>
public sealed partial class AgreementSteps(PortalAppFactory app)
{
    public async Task<PortalClient> AccountAsync(string email, string role, string bindingField, string institution)
    {
        var admin = await LoginAsync("/shaoxing", "admin@shaoxing.demo");
        var form = await (await admin.GetAsync("/shaoxing/admin/accounts/new")).Content.ReadAsStringAsync();
        var binding = Regex.Match(form, $"<option value=\"([0-9a-f-]{{36}})\">{institution}</option>").Groups[1].Value;
        var issued = await (await admin.SubmitAsync("/shaoxing/admin/accounts/new", "/shaoxing/admin/accounts/new", new Dictionary<string, string>
        {
            ["DisplayName"] = email,
            ["Email"] = email,
            ["Role"] = role,
            [bindingField] = binding,
        })).Content.ReadAsStringAsync();
        var password = Regex.Match(issued, "data-testid=\"issued-password\">([A-Za-z0-9]+)<").Groups[1].Value;
        var client = PortalClient.For(app);
        await client.LoginAsync("/shaoxing", email, password);
        return client;
    }

    public async Task<(PortalClient Staff, string Id)> EffectiveAsync(string from, string to)
    {
        var (staff, clinic, id) = await AcceptedAsync(from, to);
        await ActAsync(clinic, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "陈明", ["signerTitle"] = "主任", ["confirmed"] = "true" });
        await ActAsync(staff, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "王丽", ["signerTitle"] = "院长", ["confirmed"] = "true" });
        // In force, or signed and waiting for its first day (已签署·待生效).
        Assert.Matches("data-testid=\"status\">(已生效|已签署·待生效)<", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync());
        return (staff, id);
    }

    /// <summary>Drafted, reviewed and accepted by the demo clinic: 待签署, both demo accounts signed in.</summary>
    public async Task<(PortalClient Staff, PortalClient Clinic, string Id)> AcceptedAsync(string from, string to)
    {
        var (staff, id) = await DraftAsync();
        await FillAsync(staff, id);
        var terms = await TermsAsync(staff, id, submit: true);
        (terms["TermFrom"], terms["TermTo"]) = (from, to);
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", terms)));

        var clinic = await LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var page = await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        foreach (Match item in ApproveAction().Matches(page))
        {
            await ActAsync(clinic, id, item.Groups[1].Value, []);
        }

        await ActAsync(clinic, id, $"/shaoxing/agreements/{id}/accept", []);
        return (staff, clinic, id);
    }

    public static async Task ActAsync(PortalClient client, string id, string action, Dictionary<string, string> fields)
    {
        var page = await (await client.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        var version = DetailVersion().Match(page);
        if (version.Success)
        {
            fields["version"] = version.Groups[1].Value;
        }

        var response = await client.SubmitAsync($"/shaoxing/agreements/{id}", action, fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await (await client.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        var error = Regex.Match(after, "data-testid=\"error\">([^<]*)<");
        Assert.False(error.Success, action + ": " + error.Groups[1].Value);
    }

    public async Task<List<AuditEntry>> AuditAsync(Guid agreementId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var shaoxing = await db.Tenants.SingleAsync(t => t.Slug == "shaoxing");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(shaoxing.Id, shaoxing.Slug, shaoxing.Name);
        return await db.AuditEntries.AsNoTracking().Where(e => e.AgreementId == agreementId).OrderBy(e => e.Sequence).ToListAsync();
    }

    public async Task<PortalClient> LoginAsync(string tenant, string email)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync(tenant, email);
        return client;
    }

    public async Task<(PortalClient Staff, string Id)> DraftAsync()
    {
        var staff = await LoginAsync("/shaoxing", "staff@shaoxing.demo");
        var page = await (await staff.GetAsync("/shaoxing/agreements/new")).Content.ReadAsStringAsync();
        var partner = (await TestData.MedicalIdAsync(app, "塔山街道社区卫生服务中心")).ToString();
        Assert.Contains($"name=\"partner\" value=\"{partner}\"", page, StringComparison.Ordinal); // same county and 基层: listed
        var created = await staff.SubmitAsync("/shaoxing/agreements/new", "/shaoxing/agreements/new", new Dictionary<string, string>
        {
            ["template"] = "MedicalElderCareConsortium",
            ["partner"] = partner,
        });
        return (staff, EditPath().Match(PortalClient.RedirectPath(created) ?? string.Empty).Groups[1].Value);
    }

    public static async Task FillAsync(PortalClient staff, string id)
    {
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        var price = ClinicPrice().Match(page).Groups[1].Value;
        // The drafting form posts everything on it: the new item is added, the bureaus stay the register's.
        var added = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", new Dictionary<string, string>
        {
            ["intent"] = "add",
            ["ServicePriceId"] = price,
            ["Frequency"] = "4",
            ["Version"] = Version().Match(page).Groups[1].Value,
        });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
    }

    public static async Task<Dictionary<string, string>> TermsAsync(PortalClient staff, string id, bool submit)
    {
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        return new Dictionary<string, string>
        {
            ["Version"] = Version().Match(page).Groups[1].Value,
            ["intent"] = submit ? "submit" : "save",
            ["ClinicSite"] = "ExtendedClinicRoom",
            ["ClinicSessionsPerMonth"] = "4",
            ["ClinicDoctorCount"] = "2",
            ["WardRoundsPerMonth"] = "2",
            ["WardRoundDoctorCount"] = "1",
            ["SeniorConsultationFee"] = "300",
            ["AssociateSeniorConsultationFee"] = "200",
            ["IntermediateConsultationFee"] = "120",
            ["MedicalCostPayment"] = "ResidentPays",
            ["AnnualHealthServiceFee"] = "36000.00",
            ["TermFrom"] = "2027-01-01",
            ["TermTo"] = "2027-12-31",
        };
    }

    [GeneratedRegex("action=\"(/shaoxing/agreements/[0-9a-f-]{36}/items/[0-9a-f-]{36}/approve)\"")]
    public static partial Regex ApproveAction();

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    public static partial Regex DetailVersion();

    [GeneratedRegex("/agreements/([0-9a-f-]{36})/edit")]
    public static partial Regex EditPath();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\">坐诊咨询")]
    public static partial Regex ClinicPrice();

    [GeneratedRegex("name=\"Version\" value=\"([0-9]+)\"")]
    public static partial Regex Version();

    public static Regex Prefilled(string field) => new($"name=\"{field}\" type=\"text\" value=\"([^\"]*)\"");

    /// <summary>Signs as the page does: the detail page's version, the signer's name and title, the confirmation.</summary>
    public static async Task<HttpResponseMessage> SignAsync(PortalClient client, string id, string name, string title)
    {
        var page = await (await client.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        return await client.SubmitAsync($"/shaoxing/agreements/{id}", $"/shaoxing/agreements/{id}/sign", new Dictionary<string, string>
        {
            ["version"] = DetailVersion().Match(page).Groups[1].Value,
            ["signerName"] = name,
            ["signerTitle"] = title,
            ["confirmed"] = "true",
        });
    }

    public static async Task AssertNothingStoredAsync(PortalAppFactory app, string id)
    {
        var agreementId = Guid.Parse(id);
        var (status, signatures, documents, uses) = await TestData.InTenantAsync(app, TestData.Shaoxing, async db => (
            await db.Agreements.Where(a => a.Id == agreementId).Select(a => a.Status).SingleAsync(),
            await db.Agreements.Where(a => a.Id == agreementId).SelectMany(a => a.SignatureHistory).CountAsync(),
            await db.AgreementDocuments.CountAsync(d => d.AgreementId == agreementId),
            await db.SealUses.CountAsync(u => u.AgreementId == agreementId)));
        Assert.Equal(AgreementStatus.PendingSignature, status);
        Assert.Equal(0, signatures);
        Assert.Equal(0, documents);
        Assert.Equal(0, uses);
    }
}
