using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests;

/// <summary>Agreements over HTTP: drafting, permissions by id, concurrency, and the audit chain in PostgreSQL.</summary>
public partial class AgreementWorkflowTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Staff_DraftsAndSubmits_ClinicSeesIt_OthersGetNotFound()
    {
        var (staff, id) = await DraftAsync();
        await FillAsync(staff, id);
        var submitted = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/terms", await TermsAsync(staff, id, submit: true));
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(submitted));

        var clinic = await LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        Assert.Contains("待医疗机构审核", await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var (tenant, email) in new[] { ("/shaoxing", "staff@shaoxing.demo"), ("/wenzhou", "staff@wenzhou.demo"), ("/wenzhou", "clinic@wenzhou.demo") })
        {
            if (email == "staff@shaoxing.demo") { continue; }
            var other = await LoginAsync(tenant, email);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{tenant}/agreements/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{tenant}/agreements/{id}/pdf")).StatusCode);
        }

        // A medical admin of another clinic in the same city cannot act on it either.
        var regulator = await LoginAsync("/shaoxing", "weijian@shaoxing.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await regulator.GetAsync($"/shaoxing/agreements/{id}")).StatusCode); // not yet in force
    }

    [Fact]
    public async Task SecondWriter_WithAStaleVersion_GetsAConflictMessage_AndNothingIsOverwritten()
    {
        var (staff, id) = await DraftAsync();
        var stale = await TermsAsync(staff, id, submit: false);
        stale["ClinicSessionsPerMonth"] = "4";
        var fresh = new Dictionary<string, string>(stale) { ["ClinicSessionsPerMonth"] = "8" };

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/terms", fresh)).StatusCode);
        await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/terms", stale);

        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        Assert.Contains("该协议刚刚被其他人修改过", page, StringComparison.Ordinal);
        Assert.Contains("id=\"ClinicSessionsPerMonth\" name=\"ClinicSessionsPerMonth\" type=\"number\" value=\"8\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditChain_IsStoredInOrder_AndATamperedEntryIsDetected()
    {
        var (staff, id) = await DraftAsync();
        await FillAsync(staff, id);

        var entries = await AuditAsync(Guid.Parse(id));
        Assert.Equal([1L, 2L], entries.Select(e => e.Sequence));
        var intact = AuditChain.Verify(entries);
        Assert.True(intact.IsIntact, intact.Problem);

        // Someone with database rights edits an entry behind the application's back.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = app.Database.Name }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                $"ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only; " +
                $"UPDATE audit_entries SET details = replace(details, '\"round\":0', '\"round\":7') WHERE agreement_id = '{id}' AND sequence = 2; " +
                "ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only;", connection);
            await command.ExecuteNonQueryAsync();
        }

        var verification = AuditChain.Verify(await AuditAsync(Guid.Parse(id)));
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBrokenSequence);
        Assert.Contains("审计链校验失败，第 2 条", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditEntries_CannotBeRewrittenByTheApplication()
    {
        var (_, id) = await DraftAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var shaoxing = await db.Tenants.SingleAsync(t => t.Slug == "shaoxing");
        tenant.Set(shaoxing.Id, shaoxing.Slug, shaoxing.Name);

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE agreement_id = {Guid.Parse(id)}"));
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EffectiveAgreement_CannotBeEdited_AndHasTwoFilingsAndAnExecutedPdf()
    {
        var (staff, id) = await EffectiveAsync("2027-01-01", "2027-12-31");

        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(await staff.GetAsync($"/shaoxing/agreements/{id}/edit")));
        var fields = await TermsAsync(staff, id, submit: false);
        fields["Version"] = DetailVersion().Match(await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync()).Groups[1].Value;
        fields["AnnualHealthServiceFee"] = "1.00";
        var edit = await (await staff.SubmitAsync($"/shaoxing/agreements/{id}", $"/shaoxing/agreements/{id}/terms", fields)).Content.ReadAsStringAsync();
        Assert.Contains("不能修改协议内容", edit, StringComparison.Ordinal);
        Assert.Contains("36,000.00", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var detail = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Equal(2, Regex.Matches(detail, "备案：越城区").Count);
        var first = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        var second = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(first, second);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first));
        foreach (var email in new[] { "clinic@shaoxing.demo", "minzheng@shaoxing.demo", "city@shaoxing.demo" })
        {
            // The other party and the regulators download exactly the same bytes.
            var reader = await LoginAsync("/shaoxing", email);
            Assert.Equal(first, await (await reader.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync());
        }

        Assert.Contains($"data-testid=\"executed-sha256\">{sha}<", detail, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(first, 0, 4), StringComparison.Ordinal);

        // The download is the executed copy: it carries the signing date; the signatures recorded the signed text's hash.
        var text = string.Concat(UglyToad.PdfPig.PdfDocument.Open(first).GetPages().Select(p => p.Text));
        var signedOn = DateTime.UtcNow.AddHours(8);
        Assert.Contains($"{signedOn.Year}年{signedOn.Month}月{signedOn.Day}日", text.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailySweep_ExpiresEndedAgreements_AndRemindsOnceBeforeTheEnd()
    {
        var now = DateTimeOffset.UtcNow;
        var soon = now.AddHours(8).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (staff, id) = await EffectiveAsync("2026-01-01", soon);
        var sweep = app.Services.GetRequiredService<YiyangPortal.Web.Features.Agreements.AgreementSweepService>();

        await sweep.RunOnceAsync(now, CancellationToken.None);
        await sweep.RunOnceAsync(now, CancellationToken.None);

        var inbox = await (await staff.GetAsync("/shaoxing/inbox")).Content.ReadAsStringAsync();
        Assert.Single(Regex.Matches(inbox, "将于 " + soon + " 到期"));
        Assert.Contains("已生效", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await sweep.RunOnceAsync(now.AddDays(21), CancellationToken.None);
        Assert.Contains("已到期", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffOfAnotherHome_AndAdminOfAnotherClinic_CannotReadOrActById()
    {
        var (_, id) = await EffectiveAsync("2027-01-01", "2027-12-31");
        var otherStaff = await AccountAsync("other-staff@shaoxing.demo", "ElderCareStaff", "ElderCareInstitutionId", "柯桥区康宁颐养院");
        var otherClinic = await AccountAsync("other-clinic@shaoxing.demo", "MedicalAdmin", "MedicalInstitutionId", "越城区人民医院");

        foreach (var client in new[] { otherStaff, otherClinic })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/shaoxing/agreements/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/shaoxing/agreements/{id}/pdf")).StatusCode);
            var terminate = await client.SubmitAsync("/shaoxing/agreements", $"/shaoxing/agreements/{id}/terminate", new Dictionary<string, string>
            {
                ["version"] = "1",
                ["reason"] = "x",
                ["terminatedOn"] = "2027-02-01",
            });
            Assert.Equal(HttpStatusCode.NotFound, terminate.StatusCode);
        }
    }

    [Fact]
    public async Task Termination_TellsTheOtherSideAndTheRegulators_AndRenewalLinksANewDraft()
    {
        var (staff, id) = await EffectiveAsync("2027-01-01", "2027-12-31");

        await ActAsync(staff, id, $"/shaoxing/agreements/{id}/renew", []);
        var renewal = await (await staff.GetAsync("/shaoxing/agreements?status=Draft")).Content.ReadAsStringAsync();
        Assert.Contains("草稿", renewal, StringComparison.Ordinal);
        await ActAsync(staff, id, $"/shaoxing/agreements/{id}/terminate", new() { ["reason"] = "养老院搬迁", ["terminatedOn"] = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        var regulator = await LoginAsync("/shaoxing", "minzheng@shaoxing.demo");
        Assert.Contains("已终止：养老院搬迁", await (await regulator.GetAsync("/shaoxing/inbox")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("已终止", await (await regulator.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var clinic = await LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        Assert.Contains("已终止：养老院搬迁", await (await clinic.GetAsync("/shaoxing/inbox")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<PortalClient> AccountAsync(string email, string role, string bindingField, string institution)
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

    private async Task<(PortalClient Staff, string Id)> EffectiveAsync(string from, string to)
    {
        var (staff, id) = await DraftAsync();
        await FillAsync(staff, id);
        var terms = await TermsAsync(staff, id, submit: true);
        (terms["TermFrom"], terms["TermTo"]) = (from, to);
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/terms", terms)));

        var clinic = await LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        var page = await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        foreach (Match item in ApproveAction().Matches(page))
        {
            await ActAsync(clinic, id, item.Groups[1].Value, []);
        }

        await ActAsync(clinic, id, $"/shaoxing/agreements/{id}/accept", []);
        await ActAsync(clinic, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "陈明", ["signerTitle"] = "主任" });
        await ActAsync(staff, id, $"/shaoxing/agreements/{id}/sign", new() { ["signerName"] = "王丽", ["signerTitle"] = "院长" });
        Assert.Contains("已生效", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return (staff, id);
    }

    private static async Task ActAsync(PortalClient client, string id, string action, Dictionary<string, string> fields)
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

    private async Task<List<AuditEntry>> AuditAsync(Guid agreementId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var shaoxing = await db.Tenants.SingleAsync(t => t.Slug == "shaoxing");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(shaoxing.Id, shaoxing.Slug, shaoxing.Name);
        return await db.AuditEntries.AsNoTracking().Where(e => e.AgreementId == agreementId).OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<PortalClient> LoginAsync(string tenant, string email)
    {
        var client = PortalClient.For(app);
        await client.LoginAsync(tenant, email);
        return client;
    }

    private async Task<(PortalClient Staff, string Id)> DraftAsync()
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

    private static async Task FillAsync(PortalClient staff, string id)
    {
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        var price = ClinicPrice().Match(page).Groups[1].Value;
        var added = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/items", new Dictionary<string, string>
        {
            ["ServicePriceId"] = price,
            ["Frequency"] = "4",
            ["Version"] = Version().Match(page).Groups[1].Value,
        });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
    }

    private static async Task<Dictionary<string, string>> TermsAsync(PortalClient staff, string id, bool submit)
    {
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        return new Dictionary<string, string>
        {
            ["Version"] = Version().Match(page).Groups[1].Value,
            ["submit"] = submit ? "true" : "false",
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
            ["CivilAffairsBureauName"] = "越城区民政局",
            ["HealthBureauName"] = "越城区卫生健康局",
        };
    }

    [GeneratedRegex("action=\"(/shaoxing/agreements/[0-9a-f-]{36}/items/[0-9a-f-]{36}/approve)\"")]
    private static partial Regex ApproveAction();

    [GeneratedRegex("name=\"version\" value=\"([0-9]+)\"")]
    private static partial Regex DetailVersion();

    [GeneratedRegex("/agreements/([0-9a-f-]{36})/edit")]
    private static partial Regex EditPath();

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\">坐诊咨询")]
    private static partial Regex ClinicPrice();

    [GeneratedRegex("name=\"Version\" value=\"([0-9]+)\"")]
    private static partial Regex Version();
}
