using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Filings;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>Coverage totals per county and kind for the dashboard (issue 13, ADR 030).</summary>
    public partial class DashboardCoverageRollup : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CoverageTotals.Create);
            migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable(CoverageTotals.Table));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CoverageTotals.Drop);
        }
    }
}
