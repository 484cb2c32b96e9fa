using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>Indexes for the regulators' 履约监管 page at national scale (<c>FulfilmentTotals.OversightIndexes</c>).</summary>
    public partial class FulfilmentOversightIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(global::YiyangPortal.Infrastructure.Fulfilment.FulfilmentTotals.OversightIndexes);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(global::YiyangPortal.Infrastructure.Fulfilment.FulfilmentTotals.DropOversightIndexes);
        }
    }
}
