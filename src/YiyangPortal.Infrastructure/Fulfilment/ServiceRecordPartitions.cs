using Microsoft.EntityFrameworkCore;
using YiyangPortal.Infrastructure.Persistence;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure.Fulfilment;

/// <summary>
/// service_records, partitioned by the month of service_date (ADR 033). EF cannot declare a partitioned table, so the
/// migration creates it from <see cref="Create"/>; the model's key (id, service_date) and indexes say the same.
/// A month's partition is made on first need by <c>service_records_ensure_partition</c>, a SECURITY DEFINER function of
/// the owner (the application role owns no table and cannot create one), which the save path calls before it inserts
/// (<see cref="EnsureAsync"/>). Each partition gets the parent's row-level security too, so even a query that named a
/// partition directly would see only its tenant.
/// </summary>
public static class ServiceRecordPartitions
{
    public const string Table = "service_records";

    /// <summary>Makes sure the month of every day in <paramref name="days"/> has its partition, in the caller's transaction.</summary>
    public static async Task EnsureAsync(PortalDbContext db, IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        foreach (var month in days.Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct())
        {
            await db.Database.ExecuteSqlAsync($"SELECT service_records_ensure_partition({month})", cancellationToken);
        }
    }

    /// <summary>The partition's name for a month: service_records_y2026m05.</summary>
    public static string PartitionName(DateOnly day) => $"{Table}_y{day.Year:D4}m{day.Month:D2}";

    public static readonly string Create = $"""
        CREATE TABLE service_records (
            id uuid NOT NULL,
            service_date date NOT NULL,
            tenant_id uuid NOT NULL,
            agreement_id uuid NOT NULL,
            agreement_item_id uuid NOT NULL,
            item_name character varying(60) NOT NULL,
            staff_member_id uuid NOT NULL,
            staff_name character varying(50) NOT NULL,
            staff_title character varying(20) NOT NULL,
            residents_served integer NOT NULL,
            duration_minutes integer NOT NULL,
            notes character varying(500),
            status character varying(20) NOT NULL,
            recorded_at_utc timestamp with time zone NOT NULL,
            recorded_by_user_id uuid NOT NULL,
            answered_at_utc timestamp with time zone,
            answered_by_user_id uuid,
            dispute_reason character varying(500),
            corrects_record_id uuid,
            CONSTRAINT pk_service_records PRIMARY KEY (id, service_date),
            CONSTRAINT fk_service_records_agreement_items_agreement_item_id FOREIGN KEY (agreement_item_id)
                REFERENCES agreement_items (id) ON DELETE RESTRICT,
            CONSTRAINT fk_service_records_agreements_agreement_id FOREIGN KEY (agreement_id)
                REFERENCES agreements (id) ON DELETE RESTRICT,
            CONSTRAINT fk_service_records_staff_members_staff_member_id FOREIGN KEY (staff_member_id)
                REFERENCES staff_members (id) ON DELETE RESTRICT,
            CONSTRAINT fk_service_records_tenants_tenant_id FOREIGN KEY (tenant_id)
                REFERENCES tenants (id) ON DELETE RESTRICT,
            CONSTRAINT ck_service_records_counts CHECK (residents_served >= 0 AND duration_minutes > 0)
        ) PARTITION BY RANGE (service_date);

        CREATE INDEX ix_service_records_agreement_id_service_date ON service_records (agreement_id, service_date);
        CREATE UNIQUE INDEX ix_service_records_agreement_item_id_staff_member_id_service_d
            ON service_records (agreement_item_id, staff_member_id, service_date) WHERE corrects_record_id IS NULL;
        CREATE INDEX ix_service_records_corrects_record_id ON service_records (corrects_record_id)
            WHERE corrects_record_id IS NOT NULL;
        CREATE INDEX ix_service_records_staff_member_id ON service_records (staff_member_id);
        CREATE INDEX ix_service_records_tenant_id ON service_records (tenant_id);
        {RowLevelSecurity.EnableForTenantTable(Table)}

        -- A month's partition on first need. Runs as the owner; serialised per month by an advisory lock so that two
        -- first records of a month cannot both create it.
        CREATE FUNCTION service_records_ensure_partition(p_day date) RETURNS void
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
            v_start date := date_trunc('month', p_day)::date;
            v_name text := format('service_records_y%sm%s', to_char(v_start, 'YYYY'), to_char(v_start, 'MM'));
        BEGIN
            IF p_day IS NULL OR p_day < DATE '2000-01-01' OR p_day > DATE '2099-12-31' THEN
                RAISE EXCEPTION 'service record day % is outside 2000-2099', p_day USING ERRCODE = '22008';
            END IF;
            IF to_regclass(v_name) IS NOT NULL THEN
                RETURN;
            END IF;
            PERFORM pg_advisory_xact_lock(hashtext(v_name));
            IF to_regclass(v_name) IS NOT NULL THEN
                RETURN;
            END IF;
            EXECUTE format('CREATE TABLE %I PARTITION OF service_records FOR VALUES FROM (%L) TO (%L)',
                           v_name, v_start, (v_start + interval '1 month')::date);
            EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', v_name);
            EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', v_name);
            EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) '
                           'WITH CHECK (tenant_id = app_current_tenant())', v_name);
        END $$;
        REVOKE ALL ON FUNCTION service_records_ensure_partition(date) FROM PUBLIC;
        """;

    public const string Drop = """
        DROP FUNCTION IF EXISTS service_records_ensure_partition(date);
        DROP TABLE IF EXISTS service_records;
        """;

    /// <summary>What the application role may do here (<see cref="DatabaseMigrator.GrantSql"/>): call the function,
    /// and nothing on the partitions themselves (the parent's grant covers every query through it).</summary>
    public static string GrantSql(string appRole) => $"""
        GRANT EXECUTE ON FUNCTION service_records_ensure_partition(date) TO "{appRole}";
        DO $$
        DECLARE p regclass;
        BEGIN
            FOR p IN SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'public.service_records'::regclass LOOP
                EXECUTE format('REVOKE ALL ON %s FROM "{appRole}"', p);
            END LOOP;
        END $$;
        """;
}
