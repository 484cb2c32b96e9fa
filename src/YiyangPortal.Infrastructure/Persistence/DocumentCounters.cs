using System.Globalization;
using Microsoft.EntityFrameworkCore;
using YiyangPortal.Domain.Common;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence;

/// <summary>
/// 协议编号 like 330602-2026-000123: the county's division code, the year in Beijing, and a running number from a
/// counter per tenant, county and year that PostgreSQL increments atomically (one statement, the row locked for it):
/// two people creating agreements at once get two numbers, never the same one, with no MAX+1 and no retry.
/// A number taken by a transaction that then fails is not reused (a gap, as with any sequence).
/// </summary>
public static class DocumentCounters
{
    public const string Table = "document_counters";

    public static async Task<string> NextAsync(PortalDbContext db, string divisionCode, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var tenant = db.CurrentTenantId ?? throw new InvalidOperationException("Document numbers are counted per tenant.");
        var year = BeijingTime.DateOf(now).Year;
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO document_counters AS c (tenant_id, division_code, year, last_value)
            VALUES ({tenant}, {divisionCode}, {year}, 1)
            ON CONFLICT (tenant_id, division_code, year) DO UPDATE SET last_value = c.last_value + 1
            RETURNING c.last_value AS "Value"
            """).ToListAsync(cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{divisionCode}-{year}-{next[0]:000000}");
    }

    /// <summary>The table, its row-level security, and the counters of the numbers already given.</summary>
    public static readonly string Create = $$"""
        CREATE TABLE {{Table}} (
            tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
            division_code text NOT NULL,
            year integer NOT NULL,
            last_value integer NOT NULL CHECK (last_value > 0),
            PRIMARY KEY (tenant_id, division_code, year));
        {{RowLevelSecurity.EnableForTenantTable(Table)}}
        DO $$
        DECLARE t uuid;
        BEGIN
            FOR t IN SELECT id FROM tenants LOOP
                PERFORM set_config('app.tenant_id', t::text, true);
                INSERT INTO {{Table}} (tenant_id, division_code, year, last_value)
                SELECT t, split_part(document_number, '-', 1), split_part(document_number, '-', 2)::int,
                       max(split_part(document_number, '-', 3)::int)
                FROM agreements
                WHERE document_number ~ '^[0-9]{6}-[0-9]{4}-[0-9]{1,9}$'
                GROUP BY 1, 2, 3;
            END LOOP;
            PERFORM set_config('app.tenant_id', '', true);
        END $$;
        """;

    public const string Drop = $"DROP TABLE IF EXISTS {Table};";
}
