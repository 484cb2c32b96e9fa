using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Infrastructure.Filings;

/// <summary>
/// SQL for <c>elder_care_coverage</c>: per elder-care institution, how many effective agreements it has and how many
/// of them with a 基层 partner (Shaoxing target, 绍市民〔2024〕6号). Triggers keep it exact on every change of an
/// agreement's status and of a medical institution's kind, so the regulators' dashboard reads 40,000 small rows
/// instead of joining 100,000 agreements to 100,000 institutions per request (issue 6, docs/performance.md).
/// </summary>
public static class CoverageTracking
{
    public const string Table = "elder_care_coverage";

    /// <summary>The 基层 kinds as the domain defines them, spelled as stored (enum names).</summary>
    private static string PrimaryKinds =>
        "ARRAY[" + string.Join(", ", MedicalInstitutionKindRules.PrimaryLevelKinds.Select(k => $"'{k}'")) + "]::text[]";

    public static string Create => $$"""
        CREATE TABLE {{Table}} (
            elder_care_institution_id uuid PRIMARY KEY REFERENCES elder_care_institutions (id) ON DELETE RESTRICT,
            tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
            effective_agreements integer NOT NULL,
            primary_level_agreements integer NOT NULL);
        CREATE INDEX ix_elder_care_coverage_tenant_id ON {{Table}} (tenant_id);

        CREATE FUNCTION adjust_elder_care_coverage(p_tenant uuid, p_elder_care uuid, p_medical uuid, p_delta integer)
        RETURNS void LANGUAGE sql AS $$
            INSERT INTO {{Table}} AS c (elder_care_institution_id, tenant_id, effective_agreements, primary_level_agreements)
            SELECT p_elder_care, p_tenant, p_delta, CASE WHEN m.kind = ANY ({{PrimaryKinds}}) THEN p_delta ELSE 0 END
            FROM medical_institutions m WHERE m.id = p_medical
            ON CONFLICT (elder_care_institution_id) DO UPDATE SET
                effective_agreements = c.effective_agreements + excluded.effective_agreements,
                primary_level_agreements = c.primary_level_agreements + excluded.primary_level_agreements;
        $$;

        CREATE FUNCTION track_agreement_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'Effective' THEN
                PERFORM adjust_elder_care_coverage(OLD.tenant_id, OLD.elder_care_institution_id, OLD.medical_institution_id, -1);
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'Effective' THEN
                PERFORM adjust_elder_care_coverage(NEW.tenant_id, NEW.elder_care_institution_id, NEW.medical_institution_id, 1);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER agreements_track_coverage AFTER INSERT OR DELETE OR UPDATE OF status ON agreements
            FOR EACH ROW EXECUTE FUNCTION track_agreement_coverage();

        CREATE FUNCTION track_medical_kind_coverage() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            was_primary boolean := OLD.kind = ANY ({{PrimaryKinds}});
            is_primary boolean := NEW.kind = ANY ({{PrimaryKinds}});
        BEGIN
            IF was_primary <> is_primary THEN
                UPDATE {{Table}} c SET primary_level_agreements = c.primary_level_agreements + CASE WHEN is_primary THEN x.n ELSE -x.n END
                FROM (SELECT elder_care_institution_id AS id, count(*)::integer AS n FROM agreements
                      WHERE medical_institution_id = NEW.id AND status = 'Effective' GROUP BY 1) x
                WHERE c.elder_care_institution_id = x.id;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER medical_institutions_track_coverage AFTER UPDATE OF kind ON medical_institutions
            FOR EACH ROW EXECUTE FUNCTION track_medical_kind_coverage();

        -- Agreements that took effect before this table existed, tenant by tenant (row-level security is FORCEd).
        DO $$
        DECLARE t uuid;
        BEGIN
            FOR t IN SELECT id FROM tenants LOOP
                PERFORM set_config('app.tenant_id', t::text, true);
                INSERT INTO {{Table}} (elder_care_institution_id, tenant_id, effective_agreements, primary_level_agreements)
                SELECT a.elder_care_institution_id, a.tenant_id, count(*), count(*) FILTER (WHERE m.kind = ANY ({{PrimaryKinds}}))
                FROM agreements a JOIN medical_institutions m ON m.id = a.medical_institution_id
                WHERE a.status = 'Effective' GROUP BY a.elder_care_institution_id, a.tenant_id;
            END LOOP;
            PERFORM set_config('app.tenant_id', '', true);
        END $$;
        """;

    public const string Drop = $"""
        DROP TRIGGER medical_institutions_track_coverage ON medical_institutions;
        DROP TRIGGER agreements_track_coverage ON agreements;
        DROP FUNCTION track_medical_kind_coverage();
        DROP FUNCTION track_agreement_coverage();
        DROP FUNCTION adjust_elder_care_coverage(uuid, uuid, uuid, integer);
        DROP TABLE {Table};
        """;
}
