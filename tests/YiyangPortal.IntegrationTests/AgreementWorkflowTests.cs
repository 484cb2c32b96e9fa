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
public class AgreementWorkflowTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    private AuditKeyring Keys => app.Services.GetRequiredService<AuditKeyring>();

    [Fact]
    public async Task Staff_DraftsAndSubmits_ClinicSeesIt_OthersGetNotFound()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);
        var submitted = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", await AgreementSteps.TermsAsync(staff, id, submit: true));
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(submitted));

        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        Assert.Contains("待医疗机构审核", await (await clinic.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var (tenant, email) in new[] { ("/shaoxing", "staff@shaoxing.demo"), ("/wenzhou", "staff@wenzhou.demo"), ("/wenzhou", "clinic@wenzhou.demo") })
        {
            if (email == "staff@shaoxing.demo") { continue; }
            var other = await _steps.LoginAsync(tenant, email);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{tenant}/agreements/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{tenant}/agreements/{id}/pdf")).StatusCode);
        }

        // A medical admin of another clinic in the same city cannot act on it either.
        var regulator = await _steps.LoginAsync("/shaoxing", "weijian@shaoxing.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await regulator.GetAsync($"/shaoxing/agreements/{id}")).StatusCode); // not yet in force
    }

    [Fact]
    public async Task SecondWriter_WithAStaleVersion_GetsAConflictMessage_AndNothingIsOverwritten()
    {
        var (staff, id) = await _steps.DraftAsync();
        var stale = await AgreementSteps.TermsAsync(staff, id, submit: false);
        stale["ClinicSessionsPerMonth"] = "4";
        var fresh = new Dictionary<string, string>(stale) { ["ClinicSessionsPerMonth"] = "8" };

        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", fresh)).StatusCode);
        var refused = await staff.SubmitAsync($"/shaoxing/agreements/{id}/edit", $"/shaoxing/agreements/{id}/draft", stale);

        // The second writer is told, and keeps what they typed on the page; the first writer's value stays saved.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var answer = await refused.Content.ReadAsStringAsync();
        Assert.Contains("该协议刚刚被其他人修改过", answer, StringComparison.Ordinal);
        Assert.Contains("name=\"ClinicSessionsPerMonth\" type=\"text\" inputmode=\"numeric\" value=\"4\"", answer, StringComparison.Ordinal);
        var page = await (await staff.GetAsync($"/shaoxing/agreements/{id}/edit")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"ClinicSessionsPerMonth\" name=\"ClinicSessionsPerMonth\" type=\"text\" inputmode=\"numeric\" value=\"8\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditChain_IsStoredInOrder_AndATamperedEntryIsDetected()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);

        var entries = await _steps.AuditAsync(Guid.Parse(id));
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(i => (long)i), entries.Select(e => e.Sequence));
        Assert.True(entries.Count >= 2);
        var intact = AuditChain.Verify(entries, Keys);
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

        var verification = AuditChain.Verify(await _steps.AuditAsync(Guid.Parse(id)), Keys);
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBrokenSequence);
        Assert.Contains("审计链校验失败，第 2 条", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditEntries_CannotBeRewrittenByTheApplication()
    {
        var (_, id) = await _steps.DraftAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var shaoxing = await db.Tenants.SingleAsync(t => t.Slug == "shaoxing");
        tenant.Set(shaoxing.Id, shaoxing.Slug, shaoxing.Name);

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE agreement_id = {Guid.Parse(id)}"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState); // and a trigger refuses even the owner
    }

    [Fact]
    public async Task EffectiveAgreement_CannotBeEdited_AndHasTwoFilingsAndAnExecutedPdf()
    {
        var (staff, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");

        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(await staff.GetAsync($"/shaoxing/agreements/{id}/edit")));
        var fields = await AgreementSteps.TermsAsync(staff, id, submit: false);
        fields["Version"] = AgreementSteps.DetailVersion().Match(await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync()).Groups[1].Value;
        fields["AnnualHealthServiceFee"] = "1.00";
        var edit = await staff.SubmitAsync($"/shaoxing/agreements/{id}", $"/shaoxing/agreements/{id}/draft", fields);
        Assert.Equal($"/shaoxing/agreements/{id}", PortalClient.RedirectPath(edit));
        Assert.Contains("不能再修改", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("36,000.00", await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var detail = await (await staff.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();
        Assert.Equal(2, Regex.Matches(detail, "签约备案：<a href=\"/shaoxing/filings/[0-9a-f-]{36}\">越城区").Count);
        var first = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        var second = await (await staff.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync();
        Assert.Equal(first, second);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first));
        foreach (var email in new[] { "clinic@shaoxing.demo", "minzheng@shaoxing.demo", "city@shaoxing.demo" })
        {
            // The other party and the regulators download exactly the same bytes.
            var reader = await _steps.LoginAsync("/shaoxing", email);
            Assert.Equal(first, await (await reader.GetAsync($"/shaoxing/agreements/{id}/pdf")).Content.ReadAsByteArrayAsync());
        }

        Assert.Contains($"data-testid=\"executed-sha256\">{sha}<", detail, StringComparison.Ordinal);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(first, 0, 4), StringComparison.Ordinal);

        // The download is the executed original: the signed text sealed by both parties (issue 14), each seal dated
        // (its appearance draws the signing time; pdfsig reads the signature's own time).
        var report = Poppler.Pdfsig(first);
        Assert.Equal(2, Poppler.Count(report, "Signature is Valid."));
        Assert.Contains($"Signing Time: {DateTime.UtcNow:MMM dd yyyy}", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DailySweep_ExpiresEndedAgreements_AndRemindsOnceBeforeTheEnd()
    {
        var now = DateTimeOffset.UtcNow;
        var soon = now.AddHours(8).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (staff, id) = await _steps.EffectiveAsync("2026-01-01", soon);
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
        var (_, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");
        var otherStaff = await _steps.AccountAsync("other-staff@shaoxing.demo", "ElderCareStaff", "ElderCareInstitutionId", "柯桥区康宁颐养院");
        var otherClinic = await _steps.AccountAsync("other-clinic@shaoxing.demo", "MedicalAdmin", "MedicalInstitutionId", "越城区人民医院");

        foreach (var client in new[] { otherStaff, otherClinic })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/shaoxing/agreements/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/shaoxing/agreements/{id}/pdf")).StatusCode);
            var terminate = await client.SubmitAsync("/shaoxing/agreements", $"/shaoxing/agreements/{id}/termination/propose", new Dictionary<string, string>
            {
                ["version"] = "1",
                ["kind"] = "Notice",
                ["reason"] = "x",
                ["terminateOn"] = "2027-02-01",
            });
            Assert.Equal(HttpStatusCode.NotFound, terminate.StatusCode);
        }
    }

    [Fact]
    public async Task Termination_TellsTheOtherSideAndTheRegulators_AndRenewalLinksANewDraft()
    {
        var (staff, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");

        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/renew", []);
        var renewal = await (await staff.GetAsync("/shaoxing/agreements?status=Draft")).Content.ReadAsStringAsync();
        Assert.Contains("草稿", renewal, StringComparison.Ordinal);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await AgreementSteps.ActAsync(staff, id, $"/shaoxing/agreements/{id}/termination/propose", new() { ["kind"] = "Mutual", ["reason"] = "养老院搬迁", ["terminateOn"] = today });
        var clinic = await _steps.LoginAsync("/shaoxing", "clinic@shaoxing.demo");
        await AgreementSteps.ActAsync(clinic, id, $"/shaoxing/agreements/{id}/termination/confirm", []);

        var regulator = await _steps.LoginAsync("/shaoxing", "minzheng@shaoxing.demo");
        Assert.Contains("已终止：养老院搬迁", await (await regulator.GetAsync("/shaoxing/inbox")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("已终止", await (await regulator.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("提出协商一致终止", await (await clinic.GetAsync("/shaoxing/inbox")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
