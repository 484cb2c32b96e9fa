using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Fulfilment rollups for the regulators (issue 15, ADR 034): the stored plan lines with their record counts, and
    /// their sums per institution and county and month, kept by triggers. Agreements already in force get their lines
    /// from <c>ServicePlanStore.BackfillAsync</c> (the plan is the domain's, not SQL's).
    /// </summary>
    public partial class FulfilmentTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(global::YiyangPortal.Infrastructure.Fulfilment.FulfilmentTotals.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(global::YiyangPortal.Infrastructure.Fulfilment.FulfilmentTotals.Drop);
        }
    }
}
