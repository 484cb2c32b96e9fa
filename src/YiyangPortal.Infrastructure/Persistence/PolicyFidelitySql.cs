using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Filings;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence;

/// <summary>
/// The hand-written part of the <c>PolicyFidelity</c> migration (issue 11): row-level security on its new tables and
/// the on-time count and correction deadlines of <c>filing_totals</c>. Kept apart so the migration can be regenerated and stay one migration.
/// </summary>
public static class PolicyFidelitySql
{
    /// <summary>The tenant-owned tables the migration adds.</summary>
    public static IReadOnlyList<string> TenantTables { get; } = ["coverage_targets", "calendar_days"];

    public static void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in TenantTables)
        {
            migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable(table));
        }

        migrationBuilder.Sql(FilingTotals.AddOnTimeAndCorrections);
    }

    public static void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(FilingTotals.DropOnTimeAndCorrections);
        foreach (var table in TenantTables)
        {
            migrationBuilder.Sql(RowLevelSecurity.Disable(table));
        }
    }
}
