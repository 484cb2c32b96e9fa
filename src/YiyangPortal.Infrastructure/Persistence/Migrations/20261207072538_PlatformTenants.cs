using System;
using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PlatformTenants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // xmin is PostgreSQL's system column: the concurrency token needs no DDL (Npgsql skips it).
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "tenants",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "sweep_runs",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sweep = table.Column<long>(type: "bigint", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sweep_runs", x => new { x.tenant_id, x.sweep });
                    table.ForeignKey(
                        name: "fk_sweep_runs_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tenants_division_code",
                table: "tenants",
                column: "division_code",
                unique: true);

            // Tenant-owned: each tenant writes and reads only its own sweeps' runs (the sweep runs in the tenant's scope).
            migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable("sweep_runs"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(RowLevelSecurity.Disable("sweep_runs"));
            migrationBuilder.DropTable(
                name: "sweep_runs");

            migrationBuilder.DropIndex(
                name: "ix_tenants_division_code",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "tenants");
        }
    }
}
