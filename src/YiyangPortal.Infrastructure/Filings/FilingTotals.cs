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

    public const string Drop = $"""
        DROP TRIGGER filings_track_totals ON filings;
        DROP FUNCTION track_filing_totals();
        DROP FUNCTION adjust_filing_totals(filings, integer);
        DROP TABLE {Table};
        """;
}
