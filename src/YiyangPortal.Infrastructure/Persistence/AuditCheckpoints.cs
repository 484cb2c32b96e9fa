using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Auditing;

namespace YiyangPortal.Infrastructure.Persistence;

/// <summary>
/// Where each agreement's chain head is checkpointed: <c>audit.chain_heads</c>, which the application role may read
/// but not write. It records through <c>audit.record_chain_head</c>, a SECURITY DEFINER function of the owner that
/// accepts a checkpoint only for the stored head of the chain (same sequence and hash, nothing after it) and only
/// forward, so even a compromised application cannot roll a checkpoint back or point it at a rewritten chain.
/// </summary>
public static class AuditCheckpoints
{
    public const string Schema = "audit";
    public const string Table = "chain_heads";

    /// <summary>Records <paramref name="checkpoint"/> in the caller's transaction (the one that appended the entries).</summary>
    public static Task RecordAsync(PortalDbContext db, AuditCheckpoint checkpoint, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"SELECT audit.record_chain_head({checkpoint.AgreementId}, {checkpoint.Sequence}, {checkpoint.HeadHash}, {checkpoint.KeyId}, {checkpoint.Mac})",
            cancellationToken);

    /// <summary>The function and the table's row-level security (migration SQL, run as the owner).</summary>
    public const string Create = """
        ALTER TABLE audit.chain_heads ENABLE ROW LEVEL SECURITY;
        ALTER TABLE audit.chain_heads FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON audit.chain_heads
            USING (tenant_id = public.app_current_tenant()) WITH CHECK (tenant_id = public.app_current_tenant());

        -- Runs as the owner (SECURITY DEFINER) but still under the caller's tenant: both tables FORCE row-level
        -- security, so the owner sees only the tenant the connection set.
        CREATE FUNCTION audit.record_chain_head(
            p_agreement uuid, p_sequence bigint, p_hash text, p_key_id text, p_mac text) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            v_tenant uuid;
        BEGIN
            IF p_key_id IS NULL OR p_mac IS NULL THEN
                RAISE EXCEPTION 'audit checkpoint of % needs a key id and a MAC', p_agreement USING ERRCODE = '23514';
            END IF;
            SELECT e.tenant_id INTO v_tenant FROM public.audit_entries e
             WHERE e.agreement_id = p_agreement AND e.sequence = p_sequence AND e.hash = p_hash;
            IF v_tenant IS NULL OR EXISTS (
                SELECT 1 FROM public.audit_entries n WHERE n.agreement_id = p_agreement AND n.sequence > p_sequence) THEN
                RAISE EXCEPTION 'audit checkpoint: % is not the head of the chain of %', p_sequence, p_agreement
                    USING ERRCODE = '23514';
            END IF;
            INSERT INTO audit.chain_heads AS h (agreement_id, tenant_id, sequence, head_hash, key_id, mac, recorded_at_utc)
            VALUES (p_agreement, v_tenant, p_sequence, p_hash, p_key_id, p_mac, now())
            ON CONFLICT (agreement_id) DO UPDATE
                SET sequence = EXCLUDED.sequence, head_hash = EXCLUDED.head_hash, key_id = EXCLUDED.key_id,
                    mac = EXCLUDED.mac, recorded_at_utc = EXCLUDED.recorded_at_utc
                WHERE h.sequence < EXCLUDED.sequence;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'audit checkpoint of % only moves forward', p_agreement USING ERRCODE = '23514';
            END IF;
        END $$;
        REVOKE ALL ON FUNCTION audit.record_chain_head(uuid, bigint, text, text, text) FROM PUBLIC;
        """;

    /// <summary>Chains written before checkpoints existed: their current head, without key or MAC (scheme v1).</summary>
    public const string RecordExistingHeads = """
        DO $$
        DECLARE t uuid;
        BEGIN
            FOR t IN SELECT id FROM tenants LOOP
                PERFORM set_config('app.tenant_id', t::text, true);
                INSERT INTO audit.chain_heads (agreement_id, tenant_id, sequence, head_hash, key_id, mac, recorded_at_utc)
                SELECT DISTINCT ON (e.agreement_id) e.agreement_id, e.tenant_id, e.sequence, e.hash, NULL, NULL, now()
                FROM audit_entries e ORDER BY e.agreement_id, e.sequence DESC;
            END LOOP;
            PERFORM set_config('app.tenant_id', '', true);
        END $$;
        """;

    public const string Drop = "DROP FUNCTION IF EXISTS audit.record_chain_head(uuid, bigint, text, text, text);";

    /// <summary>What the application role may do here (<see cref="DatabaseMigrator.GrantSql"/>).</summary>
    public static string GrantSql(string appRole) => $"""
        GRANT USAGE ON SCHEMA {Schema} TO "{appRole}";
        GRANT SELECT ON {Schema}.{Table} TO "{appRole}";
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {Schema}.{Table} FROM "{appRole}";
        GRANT EXECUTE ON FUNCTION audit.record_chain_head(uuid, bigint, text, text, text) TO "{appRole}";
        """;
}

/// <summary>
/// Tables whose rows are evidence the pages show (history, signatures, audit chain, stored PDFs, scanned copies,
/// change records): rows are only ever inserted. A trigger refuses UPDATE and DELETE for every role, and the
/// application role is not even granted them.
/// </summary>
public static class AppendOnlyTables
{
    public static readonly string[] All =
    [
        "audit_entries", "agreement_events", "agreement_signatures", "agreement_documents", "filing_attachments",
        "filing_history", "change_records", "seal_keys", "seal_key_revocations", "seal_uses",
    ];

    /// <summary>The seal tables that got their trigger with the electronic-seals migration (issue 14).</summary>
    public static readonly string[] Seals = ["seal_keys", "seal_key_revocations", "seal_uses"];

    /// <summary>The tables that got their trigger with the hardening migration (the others had one before).</summary>
    public static readonly string[] Added = ["agreement_events", "agreement_signatures", "filing_history"];

    public static string CreateTrigger(string table) => $"""
        CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION refuse_evidence_rewrite();
        """;

    public static string DropTrigger(string table) => $"DROP TRIGGER IF EXISTS {table}_append_only ON {table};";

    public static string RevokeSql(string appRole) =>
        $"REVOKE UPDATE, DELETE, TRUNCATE ON {string.Join(", ", All)} FROM \"{appRole}\";";
}
