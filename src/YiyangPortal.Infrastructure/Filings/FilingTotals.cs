namespace YiyangPortal.Infrastructure.Filings;

/// <summary>
/// SQL for <c>filing_totals</c>: filings counted per bureau, county, state and due date, with the days from signing
/// to the first submission summed. A trigger on <c>filings</c> keeps it exact; the dashboard sums a few thousand
/// rows instead of scanning every filing (issue 6: the city dashboard under 300 ms with 100,000 agreements). The due
/// date stays in the key because 逾期 is derived from it on the day of the request, never stored.
/// </summary>
public static class FilingTotals
{
    public const string Table = "filing_totals";

    public static string Create => $$"""
        CREATE TABLE {{Table}} (
            tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE RESTRICT,
            bureau character varying(20) NOT NULL,
            county_id uuid NOT NULL REFERENCES counties (id) ON DELETE RESTRICT,
            status character varying(20) NOT NULL,
            due_date date NOT NULL,
            filings integer NOT NULL,
            submitted integer NOT NULL,
            days_to_file double precision NOT NULL,
            PRIMARY KEY (tenant_id, bureau, county_id, status, due_date));

        CREATE FUNCTION adjust_filing_totals(f filings, p_sign integer) RETURNS void LANGUAGE sql AS $$
            INSERT INTO {{Table}} AS t (tenant_id, bureau, county_id, status, due_date, filings, submitted, days_to_file)
            VALUES (f.tenant_id, f.bureau, f.county_id, f.status, f.due_date, p_sign,
                    CASE WHEN f.first_submitted_at_utc IS NULL THEN 0 ELSE p_sign END,
                    coalesce(p_sign * extract(epoch FROM f.first_submitted_at_utc - f.signed_at_utc) / 86400.0, 0))
            ON CONFLICT (tenant_id, bureau, county_id, status, due_date) DO UPDATE SET
                filings = t.filings + excluded.filings,
                submitted = t.submitted + excluded.submitted,
                days_to_file = t.days_to_file + excluded.days_to_file;
        $$;

        CREATE FUNCTION track_filing_totals() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                PERFORM adjust_filing_totals(OLD, -1);
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                PERFORM adjust_filing_totals(NEW, 1);
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER filings_track_totals
            AFTER INSERT OR DELETE OR UPDATE OF status, due_date, county_id, bureau, first_submitted_at_utc, signed_at_utc ON filings
            FOR EACH ROW EXECUTE FUNCTION track_filing_totals();
        """;

    /// <summary>
    /// Issue 11: <c>on_time</c> counts filings first submitted by their due date (Beijing), for 按时备案率 (point 7);
    /// and a 需补正 filing is kept under its correction deadline, so that 逾期 over the totals is
    /// <see cref="Domain.Filings.FilingTurn"/>'s rule (point 10): <c>status IN (Pending, Returned) AND due_date &lt; today</c>.
    /// A 需补正 without a deadline (before this change) is never overdue: its date is <c>infinity</c>. The totals are
    /// rebuilt from the filings, tenant by tenant (row-level security is FORCEd).
    /// </summary>
    public static string AddOnTimeAndCorrections => $$"""
        ALTER TABLE {{Table}} ADD COLUMN on_time integer NOT NULL DEFAULT 0;

        CREATE OR REPLACE FUNCTION adjust_filing_totals(f filings, p_sign integer) RETURNS void LANGUAGE sql AS $$
            INSERT INTO {{Table}} AS t (tenant_id, bureau, county_id, status, due_date, filings, submitted, days_to_file, on_time)
            VALUES (f.tenant_id, f.bureau, f.county_id, f.status, {{Deadline("f")}}, p_sign,
                    CASE WHEN f.first_submitted_at_utc IS NULL THEN 0 ELSE p_sign END,
                    coalesce(p_sign * extract(epoch FROM f.first_submitted_at_utc - f.signed_at_utc) / 86400.0, 0),
                    {{OnTime("f", "p_sign")}})
            ON CONFLICT (tenant_id, bureau, county_id, status, due_date) DO UPDATE SET
                filings = t.filings + excluded.filings,
                submitted = t.submitted + excluded.submitted,
                days_to_file = t.days_to_file + excluded.days_to_file,
                on_time = t.on_time + excluded.on_time;
        $$;

        DROP TRIGGER filings_track_totals ON filings;
        CREATE TRIGGER filings_track_totals
            AFTER INSERT OR DELETE OR UPDATE OF status, due_date, correction_due_date, county_id, bureau, first_submitted_at_utc, signed_at_utc
            ON filings FOR EACH ROW EXECUTE FUNCTION track_filing_totals();

        DO $$
        DECLARE t uuid;
        BEGIN
            FOR t IN SELECT id FROM tenants LOOP
                PERFORM set_config('app.tenant_id', t::text, true);
                DELETE FROM {{Table}} WHERE tenant_id = t;
                INSERT INTO {{Table}} (tenant_id, bureau, county_id, status, due_date, filings, submitted, days_to_file, on_time)
                SELECT f.tenant_id, f.bureau, f.county_id, f.status, {{Deadline("f")}}, count(*),
                    count(f.first_submitted_at_utc),
                    coalesce(sum(extract(epoch FROM f.first_submitted_at_utc - f.signed_at_utc) / 86400.0), 0),
                    sum({{OnTime("f", "1")}})
                FROM filings f GROUP BY 1, 2, 3, 4, 5;
            END LOOP;
            PERFORM set_config('app.tenant_id', '', true);
        END $$;
        """;

    public static string DropOnTimeAndCorrections => $$"""
        DROP TRIGGER filings_track_totals ON filings;
        CREATE TRIGGER filings_track_totals
            AFTER INSERT OR DELETE OR UPDATE OF status, due_date, county_id, bureau, first_submitted_at_utc, signed_at_utc ON filings
            FOR EACH ROW EXECUTE FUNCTION track_filing_totals();
        CREATE OR REPLACE FUNCTION adjust_filing_totals(f filings, p_sign integer) RETURNS void LANGUAGE sql AS $$
            INSERT INTO {{Table}} AS t (tenant_id, bureau, county_id, status, due_date, filings, submitted, days_to_file)
            VALUES (f.tenant_id, f.bureau, f.county_id, f.status, f.due_date, p_sign,
                    CASE WHEN f.first_submitted_at_utc IS NULL THEN 0 ELSE p_sign END,
                    coalesce(p_sign * extract(epoch FROM f.first_submitted_at_utc - f.signed_at_utc) / 86400.0, 0))
            ON CONFLICT (tenant_id, bureau, county_id, status, due_date) DO UPDATE SET
                filings = t.filings + excluded.filings,
                submitted = t.submitted + excluded.submitted,
                days_to_file = t.days_to_file + excluded.days_to_file;
        $$;
        ALTER TABLE {{Table}} DROP COLUMN on_time;
        """;

    // First submitted on or before the due date, as a Beijing calendar day (UTC+8 all year).
    private static string OnTime(string f, string sign) =>
        $"CASE WHEN {f}.first_submitted_at_utc IS NOT NULL AND (({f}.first_submitted_at_utc AT TIME ZONE 'UTC') + interval '8 hours')::date <= {f}.due_date THEN {sign} ELSE 0 END";

    // The deadline the filing is judged by: the correction deadline while 需补正 (FilingTurn), else the due date.
    private static string Deadline(string f) =>
        $"CASE WHEN {f}.status = 'Returned' THEN coalesce({f}.correction_due_date, 'infinity'::date) ELSE {f}.due_date END";

    public const string Drop = $"""
        DROP TRIGGER filings_track_totals ON filings;
        DROP FUNCTION track_filing_totals();
        DROP FUNCTION adjust_filing_totals(filings, integer);
        DROP TABLE {Table};
        """;
}
