using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Infrastructure.Filings;

/// <summary>
/// SQL for <c>elder_care_coverage_totals</c>: active elder-care institutions counted per county and kind, with how
/// many of them are signed, signed with a 基层 partner, able to provide medical services (a 内设医疗机构 or an agreement
/// in force) and large (50+ residents) without a 内设医疗机构. Triggers on <c>elder_care_institutions</c> and on
/// <c>elder_care_coverage</c> (<see cref="CoverageTracking"/>) keep it exact, so the dashboard reads a few rows per
/// county instead of aggregating every institution per request (issue 13, ADR 030, docs/performance.md).
/// </summary>
public static class CoverageTotals
{
    public const string Table = "elder_care_coverage_totals";

    /// <summary><see cref="ElderCareInstitution.ShouldSetUpInternalMedicalInstitution"/>'s size threshold.</summary>
    private const int LargeResidents = 50;

    // What one institution adds (p_sign 1) or takes away (-1), given its coverage; an inactive one counts nowhere.
    private static string Contribution(string effective, string primary) => $"""
        e.tenant_id, e.county_id, e.kind, p_sign,
            CASE WHEN {effective} > 0 THEN p_sign ELSE 0 END,
            CASE WHEN {primary} > 0 THEN p_sign ELSE 0 END,
            CASE WHEN e.has_internal_medical_institution OR {effective} > 0 THEN p_sign ELSE 0 END,
            CASE WHEN e.residents >= {LargeResidents} AND NOT e.has_internal_medical_institution THEN p_sign ELSE 0 END
        """;

    public static string Create => $$"""
        CREATE TABLE {{Table}} (
            tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
            county_id uuid NOT NULL REFERENCES counties (id) ON DELETE RESTRICT,
            kind character varying(30) NOT NULL,
            institutions integer NOT NULL,
            signed integer NOT NULL,
            with_primary integer NOT NULL,
            providing_medical integer NOT NULL,
            large_without_internal integer NOT NULL,
            PRIMARY KEY (tenant_id, county_id, kind));

        CREATE FUNCTION adjust_elder_care_coverage_totals(e elder_care_institutions, p_effective integer, p_primary integer, p_sign integer)
        RETURNS void LANGUAGE sql AS $$
            INSERT INTO {{Table}} AS t (tenant_id, county_id, kind, institutions, signed, with_primary, providing_medical, large_without_internal)
            SELECT {{Contribution("p_effective", "p_primary")}}
            WHERE e.is_active
            ON CONFLICT (tenant_id, county_id, kind) DO UPDATE SET
                institutions = t.institutions + excluded.institutions,
                signed = t.signed + excluded.signed,
                with_primary = t.with_primary + excluded.with_primary,
                providing_medical = t.providing_medical + excluded.providing_medical,
                large_without_internal = t.large_without_internal + excluded.large_without_internal;
        $$;

        -- An institution added, removed, or changed in what it is counted by: out with the old row, in with the new.
        CREATE FUNCTION track_elder_care_coverage_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            eff integer := 0;
            prim integer := 0;
        BEGIN
            IF TG_OP = 'UPDATE' AND (OLD.county_id, OLD.kind, OLD.is_active, OLD.residents, OLD.has_internal_medical_institution)
                IS NOT DISTINCT FROM (NEW.county_id, NEW.kind, NEW.is_active, NEW.residents, NEW.has_internal_medical_institution) THEN
                RETURN NULL;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                SELECT c.effective_agreements, c.primary_level_agreements INTO eff, prim
                FROM elder_care_coverage c WHERE c.elder_care_institution_id = OLD.id;
                PERFORM adjust_elder_care_coverage_totals(OLD, coalesce(eff, 0), coalesce(prim, 0), -1);
            END IF;
            IF TG_OP <> 'DELETE' THEN
                PERFORM adjust_elder_care_coverage_totals(NEW, coalesce(eff, 0), coalesce(prim, 0), 1);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER elder_care_institutions_track_coverage_totals
            AFTER INSERT OR DELETE OR UPDATE OF county_id, kind, is_active, residents, has_internal_medical_institution
            ON elder_care_institutions FOR EACH ROW EXECUTE FUNCTION track_elder_care_coverage_totals();

        -- An institution's coverage crossed zero (first agreement in force, last one ended, first or last 基层 partner).
        -- FOR SHARE waits for a concurrent change of the institution and then reads it as committed: that change's
        -- trigger counted the institution with the coverage before this one, so both together stay exact.
        CREATE FUNCTION track_coverage_flag_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            old_eff integer := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.effective_agreements END;
            old_prim integer := CASE WHEN TG_OP = 'INSERT' THEN 0 ELSE OLD.primary_level_agreements END;
            new_eff integer := CASE WHEN TG_OP = 'DELETE' THEN 0 ELSE NEW.effective_agreements END;
            new_prim integer := CASE WHEN TG_OP = 'DELETE' THEN 0 ELSE NEW.primary_level_agreements END;
            e elder_care_institutions;
        BEGIN
            IF (old_eff > 0) = (new_eff > 0) AND (old_prim > 0) = (new_prim > 0) THEN
                RETURN NULL;
            END IF;
            SELECT * INTO e FROM elder_care_institutions
            WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.elder_care_institution_id ELSE NEW.elder_care_institution_id END
            FOR SHARE;
            PERFORM adjust_elder_care_coverage_totals(e, old_eff, old_prim, -1);
            PERFORM adjust_elder_care_coverage_totals(e, new_eff, new_prim, 1);
            RETURN NULL;
        END $$;
        CREATE TRIGGER elder_care_coverage_track_totals AFTER INSERT OR DELETE OR UPDATE ON elder_care_coverage
            FOR EACH ROW EXECUTE FUNCTION track_coverage_flag_totals();

        -- Institutions and coverage from before this table, tenant by tenant (row-level security is FORCEd).
        DO $$
        DECLARE t uuid;
        BEGIN
            FOR t IN SELECT id FROM tenants LOOP
                PERFORM set_config('app.tenant_id', t::text, true);
                INSERT INTO {{Table}} (tenant_id, county_id, kind, institutions, signed, with_primary, providing_medical, large_without_internal)
                SELECT tenant_id, county_id, kind, sum(institutions), sum(signed), sum(with_primary), sum(providing_medical),
                    sum(large_without_internal)
                FROM (SELECT {{Contribution("coalesce(c.effective_agreements, 0)", "coalesce(c.primary_level_agreements, 0)")}}
                      FROM elder_care_institutions e LEFT JOIN elder_care_coverage c ON c.elder_care_institution_id = e.id,
                          LATERAL (SELECT 1 AS p_sign) s
                      WHERE e.is_active) x (tenant_id, county_id, kind, institutions, signed, with_primary, providing_medical, large_without_internal)
                GROUP BY tenant_id, county_id, kind;
            END LOOP;
            PERFORM set_config('app.tenant_id', '', true);
        END $$;
        """;

    public const string Drop = $"""
        DROP TRIGGER elder_care_coverage_track_totals ON elder_care_coverage;
        DROP TRIGGER elder_care_institutions_track_coverage_totals ON elder_care_institutions;
        DROP FUNCTION track_coverage_flag_totals();
        DROP FUNCTION track_elder_care_coverage_totals();
        DROP FUNCTION adjust_elder_care_coverage_totals(elder_care_institutions, integer, integer, integer);
        DROP TABLE {Table};
        """;
}
