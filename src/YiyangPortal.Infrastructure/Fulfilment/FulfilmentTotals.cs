using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure.Fulfilment;

/// <summary>
/// SQL for the fulfilment rollups (issue 15, ADR 034), kept like the filing totals (ADR 030) so that the regulators'
/// 履约监管 page reads a few rows per county whatever the number of service records.
/// <list type="bullet">
/// <item><c>fulfilment_totals</c>: one row per plan line (agreement item × period) with the agreed count, written from
/// <c>ServicePlan.Of</c> when the agreement comes into force or ends (<see cref="UpsertPlanSql"/>), and the confirmed,
/// pending and disputed counts of its standing records, kept by a trigger on <c>service_records</c>.</item>
/// <item><c>fulfilment_institution_totals</c> and <c>fulfilment_county_totals</c>: the lines summed per side (elder-care /
/// medical), county, institution and month in which the period ends, kept by a trigger on <c>fulfilment_totals</c>.
/// <c>delivered</c> is the sum of least(confirmed, agreed): a line over-delivered does not make up for another.</item>
/// </list>
/// </summary>
public static class FulfilmentTotals
{
    public const string Lines = "fulfilment_totals";

    public const string Institutions = "fulfilment_institution_totals";

    public const string Counties = "fulfilment_county_totals";

    // How much one record counts on its line: 1 delivery, or its residents for a 人次 line (ServicePlan's PlanMeasure).
    private const string Amount = "CASE WHEN t.measure = 'ResidentsServed' THEN r.residents_served ELSE 1 END";

    public static string Create => $$"""
        CREATE TABLE {{Lines}} (
            tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
            agreement_id uuid NOT NULL REFERENCES agreements (id) ON DELETE RESTRICT,
            agreement_item_id uuid NOT NULL REFERENCES agreement_items (id) ON DELETE RESTRICT,
            period_start date NOT NULL,
            period_end date NOT NULL,
            measure character varying(20) NOT NULL,
            elder_care_institution_id uuid NOT NULL,
            elder_care_county_id uuid NOT NULL,
            medical_institution_id uuid NOT NULL,
            medical_county_id uuid NOT NULL,
            agreed integer NOT NULL,
            confirmed integer NOT NULL DEFAULT 0,
            pending integer NOT NULL DEFAULT 0,
            disputed integer NOT NULL DEFAULT 0,
            previous_short boolean NOT NULL DEFAULT false,
            PRIMARY KEY (agreement_item_id, period_start));
        CREATE INDEX ix_fulfilment_totals_agreement_id ON {{Lines}} (agreement_id, period_start);
        -- 连续两期未完成: short in this period and in the one before, found without reading the other lines.
        CREATE INDEX ix_fulfilment_totals_short_running ON {{Lines}} (tenant_id, period_end)
            WHERE confirmed < agreed AND previous_short;

        CREATE TABLE {{Institutions}} (
            tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
            side character varying(20) NOT NULL,
            county_id uuid NOT NULL,
            month date NOT NULL,
            institution_id uuid NOT NULL,
            lines integer NOT NULL,
            short_lines integer NOT NULL,
            agreed bigint NOT NULL,
            delivered bigint NOT NULL,
            confirmed bigint NOT NULL,
            pending bigint NOT NULL,
            disputed bigint NOT NULL,
            PRIMARY KEY (tenant_id, side, county_id, month, institution_id));

        CREATE TABLE {{Counties}} (
            tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
            side character varying(20) NOT NULL,
            county_id uuid NOT NULL,
            month date NOT NULL,
            lines integer NOT NULL,
            short_lines integer NOT NULL,
            agreed bigint NOT NULL,
            delivered bigint NOT NULL,
            confirmed bigint NOT NULL,
            pending bigint NOT NULL,
            disputed bigint NOT NULL,
            PRIMARY KEY (tenant_id, side, county_id, month));

        -- A record's contribution to its line (p_sign 1 or -1); records of items or days without a line count nowhere.
        CREATE FUNCTION adjust_fulfilment_totals(r service_records, p_sign integer) RETURNS void LANGUAGE sql AS $$
            UPDATE {{Lines}} t SET
                confirmed = t.confirmed + CASE WHEN r.status = 'Confirmed' THEN p_sign * {{Amount}} ELSE 0 END,
                pending = t.pending + CASE WHEN r.status = 'Pending' THEN p_sign * {{Amount}} ELSE 0 END,
                disputed = t.disputed + CASE WHEN r.status = 'Disputed' THEN p_sign * {{Amount}} ELSE 0 END
            WHERE t.agreement_item_id = r.agreement_item_id AND t.period_start <= r.service_date AND t.period_end >= r.service_date;
        $$;

        -- Only standing records count (FulfilmentSummary.Standing): a correction takes its original's place.
        CREATE FUNCTION track_fulfilment_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE o service_records;
        BEGIN
            IF TG_OP = 'UPDATE' AND (OLD.status, OLD.residents_served, OLD.agreement_item_id, OLD.service_date)
                IS NOT DISTINCT FROM (NEW.status, NEW.residents_served, NEW.agreement_item_id, NEW.service_date) THEN
                RETURN NULL;
            END IF;
            IF TG_OP <> 'INSERT' AND NOT EXISTS (SELECT FROM service_records c WHERE c.corrects_record_id = OLD.id) THEN
                PERFORM adjust_fulfilment_totals(OLD, -1);
            END IF;
            IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NOT EXISTS (SELECT FROM service_records c WHERE c.corrects_record_id = NEW.id)) THEN
                PERFORM adjust_fulfilment_totals(NEW, 1);
            END IF;
            IF TG_OP = 'INSERT' AND NEW.corrects_record_id IS NOT NULL THEN
                SELECT * INTO o FROM service_records WHERE id = NEW.corrects_record_id;
                IF FOUND THEN PERFORM adjust_fulfilment_totals(o, -1); END IF;
            ELSIF TG_OP = 'DELETE' AND OLD.corrects_record_id IS NOT NULL THEN
                SELECT * INTO o FROM service_records WHERE id = OLD.corrects_record_id;
                IF FOUND THEN PERFORM adjust_fulfilment_totals(o, 1); END IF;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER service_records_track_fulfilment
            AFTER INSERT OR DELETE OR UPDATE OF status, residents_served, agreement_item_id, service_date ON service_records
            FOR EACH ROW EXECUTE FUNCTION track_fulfilment_totals();

        -- A line's contribution to its two institutions' and two counties' month (the month its period ends in).
        CREATE FUNCTION adjust_fulfilment_month_totals(l {{Lines}}, p_sign integer) RETURNS void LANGUAGE sql AS $$
            INSERT INTO {{Institutions}} AS t (tenant_id, side, county_id, month, institution_id, lines, short_lines, agreed, delivered,
                confirmed, pending, disputed)
            SELECT l.tenant_id, s.side, s.county_id, date_trunc('month', l.period_end)::date, s.institution_id, p_sign,
                CASE WHEN l.confirmed < l.agreed THEN p_sign ELSE 0 END, p_sign * l.agreed, p_sign * least(l.confirmed, l.agreed),
                p_sign * l.confirmed, p_sign * l.pending, p_sign * l.disputed
            FROM (VALUES ('ElderCare', l.elder_care_county_id, l.elder_care_institution_id),
                         ('Medical', l.medical_county_id, l.medical_institution_id)) s (side, county_id, institution_id)
            ON CONFLICT (tenant_id, side, county_id, month, institution_id) DO UPDATE SET
                lines = t.lines + excluded.lines, short_lines = t.short_lines + excluded.short_lines,
                agreed = t.agreed + excluded.agreed, delivered = t.delivered + excluded.delivered,
                confirmed = t.confirmed + excluded.confirmed, pending = t.pending + excluded.pending,
                disputed = t.disputed + excluded.disputed;
            INSERT INTO {{Counties}} AS t (tenant_id, side, county_id, month, lines, short_lines, agreed, delivered,
                confirmed, pending, disputed)
            SELECT l.tenant_id, s.side, s.county_id, date_trunc('month', l.period_end)::date, p_sign,
                CASE WHEN l.confirmed < l.agreed THEN p_sign ELSE 0 END, p_sign * l.agreed, p_sign * least(l.confirmed, l.agreed),
                p_sign * l.confirmed, p_sign * l.pending, p_sign * l.disputed
            FROM (VALUES ('ElderCare', l.elder_care_county_id), ('Medical', l.medical_county_id)) s (side, county_id)
            ON CONFLICT (tenant_id, side, county_id, month) DO UPDATE SET
                lines = t.lines + excluded.lines, short_lines = t.short_lines + excluded.short_lines,
                agreed = t.agreed + excluded.agreed, delivered = t.delivered + excluded.delivered,
                confirmed = t.confirmed + excluded.confirmed, pending = t.pending + excluded.pending,
                disputed = t.disputed + excluded.disputed;
        $$;

        -- A line added, removed or changed in its counts: out with the old row, in with the new; and when it becomes
        -- short or stops being short, the next period's line learns it (previous_short).
        CREATE FUNCTION track_fulfilment_month_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND (OLD.agreed, OLD.confirmed, OLD.pending, OLD.disputed, OLD.period_end)
                IS NOT DISTINCT FROM (NEW.agreed, NEW.confirmed, NEW.pending, NEW.disputed, NEW.period_end) THEN
                RETURN NULL;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                PERFORM adjust_fulfilment_month_totals(OLD, -1);
            END IF;
            IF TG_OP <> 'DELETE' THEN
                PERFORM adjust_fulfilment_month_totals(NEW, 1);
                UPDATE {{Lines}} n SET previous_short = NEW.confirmed < NEW.agreed
                WHERE n.agreement_item_id = NEW.agreement_item_id AND n.period_start = NEW.period_end + 1
                    AND n.previous_short <> (NEW.confirmed < NEW.agreed);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER fulfilment_totals_track_months
            AFTER INSERT OR DELETE OR UPDATE OF agreed, confirmed, pending, disputed, period_end ON {{Lines}}
            FOR EACH ROW EXECUTE FUNCTION track_fulfilment_month_totals();

        {{RowLevelSecurity.EnableForTenantTable(Lines)}}
        {{RowLevelSecurity.EnableForTenantTable(Institutions)}}
        {{RowLevelSecurity.EnableForTenantTable(Counties)}}
        """;

    public const string Drop = $"""
        DROP TRIGGER fulfilment_totals_track_months ON {Lines};
        DROP TRIGGER service_records_track_fulfilment ON service_records;
        DROP FUNCTION track_fulfilment_month_totals();
        DROP FUNCTION adjust_fulfilment_month_totals({Lines}, integer);
        DROP FUNCTION track_fulfilment_totals();
        DROP FUNCTION adjust_fulfilment_totals(service_records, integer);
        DROP TABLE {Counties};
        DROP TABLE {Institutions};
        DROP TABLE {Lines};
        """;

    /// <summary>
    /// Writes an agreement's plan lines (parameters: @agreement and the lines as arrays @items, @starts, @ends,
    /// @measures, @agreed), removes the lines the plan no longer has (a termination shortens the term), recounts the
    /// lines from the standing records (an agreement planned after its records, e.g. before this table existed) and
    /// sets previous_short. Idempotent.
    /// </summary>
    /// <summary>
    /// The regulators' page at national scale (issue 15's benchmark, 11 million records): the lines short two periods
    /// running are listed newest first straight from their partial index (agreement and item in the key, so the first
    /// 50 need no sort of the period's tens of thousands; the counties included, so a county's are counted from the
    /// index alone), and an institution's months are summed from a covering
    /// index (index-only, where the table's rows for one county are scattered).
    /// </summary>
    public static string OversightIndexes => $"""
        DROP INDEX ix_fulfilment_totals_short_running;
        CREATE INDEX ix_fulfilment_totals_short_running ON {Lines} (tenant_id, period_end, agreement_id, agreement_item_id)
            INCLUDE (elder_care_county_id, medical_county_id) WHERE confirmed < agreed AND previous_short;
        CREATE INDEX ix_fulfilment_institution_totals_county_month ON {Institutions} (tenant_id, side, county_id, month)
            INCLUDE (institution_id, lines, short_lines, agreed, delivered, confirmed, pending, disputed);
        """;

    public static string DropOversightIndexes => $"""
        DROP INDEX ix_fulfilment_institution_totals_county_month;
        DROP INDEX ix_fulfilment_totals_short_running;
        CREATE INDEX ix_fulfilment_totals_short_running ON {Lines} (tenant_id, period_end)
            WHERE confirmed < agreed AND previous_short;
        """;

    public static readonly string UpsertPlanSql = $"""
        WITH plan AS (
            SELECT * FROM unnest(@items::uuid[], @starts::date[], @ends::date[], @measures::text[], @agreed::int[])
                AS p (item, period_start, period_end, measure, agreed)),
        gone AS (
            DELETE FROM {Lines} t WHERE t.agreement_id = @agreement
                AND NOT EXISTS (SELECT FROM plan p WHERE p.item = t.agreement_item_id AND p.period_start = t.period_start))
        INSERT INTO {Lines} AS t (tenant_id, agreement_id, agreement_item_id, period_start, period_end, measure,
            elder_care_institution_id, elder_care_county_id, medical_institution_id, medical_county_id, agreed)
        SELECT a.tenant_id, a.id, p.item, p.period_start, p.period_end, p.measure,
            a.elder_care_institution_id, e.county_id, a.medical_institution_id, m.county_id, p.agreed
        FROM plan p
            CROSS JOIN agreements a
            JOIN elder_care_institutions e ON e.id = a.elder_care_institution_id
            JOIN medical_institutions m ON m.id = a.medical_institution_id
        WHERE a.id = @agreement
        ON CONFLICT (agreement_item_id, period_start) DO UPDATE SET
            agreed = excluded.agreed, period_end = excluded.period_end, measure = excluded.measure
        WHERE (t.agreed, t.period_end, t.measure) IS DISTINCT FROM (excluded.agreed, excluded.period_end, excluded.measure);

        UPDATE {Lines} t SET confirmed = x.confirmed, pending = x.pending, disputed = x.disputed
        FROM (SELECT l.agreement_item_id, l.period_start,
                  coalesce(sum(CASE WHEN r.status = 'Confirmed' THEN {Amount.Replace("t.", "l.", StringComparison.Ordinal)} END), 0) AS confirmed,
                  coalesce(sum(CASE WHEN r.status = 'Pending' THEN {Amount.Replace("t.", "l.", StringComparison.Ordinal)} END), 0) AS pending,
                  coalesce(sum(CASE WHEN r.status = 'Disputed' THEN {Amount.Replace("t.", "l.", StringComparison.Ordinal)} END), 0) AS disputed
              FROM {Lines} l
                  LEFT JOIN service_records r ON r.agreement_id = l.agreement_id AND r.agreement_item_id = l.agreement_item_id
                      AND r.service_date BETWEEN l.period_start AND l.period_end
                      AND NOT EXISTS (SELECT FROM service_records c WHERE c.agreement_id = l.agreement_id AND c.corrects_record_id = r.id)
              WHERE l.agreement_id = @agreement
              GROUP BY l.agreement_item_id, l.period_start) x
        WHERE t.agreement_item_id = x.agreement_item_id AND t.period_start = x.period_start
            AND (t.confirmed, t.pending, t.disputed) IS DISTINCT FROM (x.confirmed, x.pending, x.disputed);

        UPDATE {Lines} t SET previous_short = coalesce(p.confirmed < p.agreed, false)
        FROM {Lines} t0 LEFT JOIN {Lines} p ON p.agreement_item_id = t0.agreement_item_id AND p.period_end + 1 = t0.period_start
        WHERE t0.agreement_id = @agreement AND t.agreement_item_id = t0.agreement_item_id AND t.period_start = t0.period_start
            AND t.previous_short <> coalesce(p.confirmed < p.agreed, false);
        """;
}
