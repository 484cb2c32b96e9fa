using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DocumentCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 13.9: 协议编号 from an atomic counter per tenant, county and year (see DocumentCounters).
            migrationBuilder.Sql(global::YiyangPortal.Infrastructure.Persistence.DocumentCounters.Create);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(global::YiyangPortal.Infrastructure.Persistence.DocumentCounters.Drop);
        }
    }
}
