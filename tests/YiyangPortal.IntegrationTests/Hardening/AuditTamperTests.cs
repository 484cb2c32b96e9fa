using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;
using YiyangPortal.TestSupport;

namespace YiyangPortal.IntegrationTests.Hardening;

/// <summary>
/// Issue 12: the history an agreement page shows cannot be rewritten by the application's own role, and what someone
/// with more rights rewrites — entries recomputed with plain SHA-256, the newest entry deleted, the checkpoint moved
/// back, the status or the history changed behind the chain's back — is detected and shown on the page.
/// </summary>
public class AuditTamperTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private readonly AgreementSteps _steps = new(app);

    [Fact]
    public async Task ANewAgreement_IsKeyedAndCheckpointed_AndThePageSaysIntact()
    {
        var (staff, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");

        var entries = await _steps.AuditAsync(Guid.Parse(id));

        Assert.All(entries, e => Assert.Equal(PortalAppFactory.AuditKeyId, e.KeyId));
        Assert.Contains("data-testid=\"audit\">审计链完整<", await PageAsync(staff, id), StringComparison.Ordinal);
        Assert.Equal(entries[^1].Sequence, await ScalarAsync<long>($"SELECT sequence FROM audit.chain_heads WHERE agreement_id = '{id}'"));
    }

    [Theory]
    [InlineData("UPDATE agreement_events SET reason = 'x' WHERE agreement_id = '{0}'")]
    [InlineData("DELETE FROM agreement_events WHERE agreement_id = '{0}'")]
    [InlineData("DELETE FROM agreement_signatures WHERE agreement_id = '{0}'")]
    [InlineData("UPDATE agreement_signatures SET signer_name = 'x' WHERE agreement_id = '{0}'")]
    [InlineData("DELETE FROM audit_entries WHERE agreement_id = '{0}'")]
    [InlineData("UPDATE audit.chain_heads SET sequence = 1 WHERE agreement_id = '{0}'")]
    [InlineData("DELETE FROM audit.chain_heads WHERE agreement_id = '{0}'")]
    [InlineData("INSERT INTO audit.chain_heads (agreement_id, tenant_id, sequence, head_hash, recorded_at_utc) SELECT id, tenant_id, 1, 'x', now() FROM agreements WHERE id = '{0}'")]
    public async Task TheAppRole_CannotRewriteTheHistory(string sql)
    {
        var (_, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => AsAppAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, id)));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    [Fact]
    public async Task TheAppRole_CannotMoveACheckpointBack_OrAwayFromTheHead()
    {
        var (_, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");
        var entries = await _steps.AuditAsync(Guid.Parse(id));

        var back = await Assert.ThrowsAsync<PostgresException>(() => AsAppAsync(
            $"SELECT audit.record_chain_head('{id}', 1, '{entries[0].Hash}', 'test1', '{new string('0', 64)}')"));
        var forged = await Assert.ThrowsAsync<PostgresException>(() => AsAppAsync(
            $"SELECT audit.record_chain_head('{id}', {entries.Count + 1}, '{new string('a', 64)}', 'test1', '{new string('0', 64)}')"));

        Assert.Contains("not the head", back.MessageText, StringComparison.Ordinal);
        Assert.Contains("not the head", forged.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntryRewrittenWithRecomputedPlainHashes_IsShownAsBroken()
    {
        var (staff, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");
        var entries = await _steps.AuditAsync(Guid.Parse(id));

        // A superuser rewrites entry 2 and recomputes every hash after it, as plain SHA-256 (they have no key).
        Set(entries[1], nameof(AuditEntry.Details), entries[1].Details.Replace("\"round\":0", "\"round\":7", StringComparison.Ordinal));
        var statements = new List<string>();
        for (var i = 1; i < entries.Count; i++)
        {
            Set(entries[i], nameof(AuditEntry.PreviousHash), entries[i - 1].Hash);
            Set(entries[i], nameof(AuditEntry.KeyId), null);
            Set(entries[i], nameof(AuditEntry.Hash), AuditHash.Compute(entries[i]));
            statements.Add($"UPDATE audit_entries SET details = '{entries[i].Details.Replace("'", "''", StringComparison.Ordinal)}', previous_hash = '{entries[i].PreviousHash}', key_id = NULL, hash = '{entries[i].Hash}' WHERE id = '{entries[i].Id}';");
        }

        await AsSuperuserAsync("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only; " + string.Concat(statements) +
                               " ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only;");

        var page = await PageAsync(staff, id);
        Assert.Contains("审计链校验失败，第 2 条", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"audit-alert\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNewestEntryDeleted_IsShownAsTruncated()
    {
        var (staff, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");
        var count = (await _steps.AuditAsync(Guid.Parse(id))).Count;

        await AsSuperuserAsync("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only; " +
                               $"DELETE FROM audit_entries WHERE agreement_id = '{id}' AND sequence = {count}; " +
                               "ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only;");

        var page = await PageAsync(staff, id);
        Assert.Contains($"审计链校验失败，第 {count} 条", page, StringComparison.Ordinal);
        Assert.Contains("审计链被截断", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheNewestEntryDeleted_AndTheCheckpointMovedBackWithoutTheKey_IsShownAsBroken()
    {
        var (staff, id) = await _steps.EffectiveAsync("2027-01-01", "2027-12-31");
        var entries = await _steps.AuditAsync(Guid.Parse(id));

        await AsSuperuserAsync("ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only; " +
                               $"DELETE FROM audit_entries WHERE agreement_id = '{id}' AND sequence = {entries.Count}; " +
                               "ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_append_only; " +
                               $"UPDATE audit.chain_heads SET sequence = {entries.Count - 1}, head_hash = '{entries[^2].Hash}' WHERE agreement_id = '{id}';");

        var page = await PageAsync(staff, id);
        Assert.Contains("检查点与密钥不符", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStatusChangedBehindTheChainsBack_IsShown()
    {
        var (staff, id) = await _steps.DraftAsync();

        await AsSuperuserAsync($"UPDATE agreements SET status = 'Effective' WHERE id = '{id}';");

        Assert.Contains("与审计链记录的“草稿”不符", await PageAsync(staff, id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHistoryEntryRewrittenBehindTheChainsBack_IsShown()
    {
        var (staff, id) = await _steps.DraftAsync();
        await AgreementSteps.FillAsync(staff, id);

        await AsSuperuserAsync("ALTER TABLE agreement_events DISABLE TRIGGER agreement_events_append_only; " +
                               $"UPDATE agreement_events SET after = '伪造的内容' WHERE agreement_id = '{id}' AND sequence = 2; " +
                               "ALTER TABLE agreement_events ENABLE TRIGGER agreement_events_append_only;");

        Assert.Contains("与页面显示的历史不符", await PageAsync(staff, id), StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(PortalClient client, string id) =>
        await (await client.GetAsync($"/shaoxing/agreements/{id}")).Content.ReadAsStringAsync();

    private static void Set(AuditEntry entry, string property, object? value) =>
        typeof(AuditEntry).GetProperty(property, BindingFlags.Public | BindingFlags.Instance)!.SetValue(entry, value);

    private async Task AsAppAsync(string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var shaoxing = await db.Tenants.SingleAsync(t => t.Slug == "shaoxing");
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(shaoxing.Id, shaoxing.Slug, shaoxing.Name);
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task AsSuperuserAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = app.Database.Name }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = app.Database.Name }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
