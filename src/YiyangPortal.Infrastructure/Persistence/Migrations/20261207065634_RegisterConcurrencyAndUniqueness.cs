using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RegisterConcurrencyAndUniqueness : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // xmin is PostgreSQL's system column: the concurrency tokens need no DDL (Npgsql skips them). The unique indexes
            // are partial (active rows only, ADR 051); an existing active duplicate stops this migration: deactivate one first.
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "service_items",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "medical_institutions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "elder_care_institutions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "ux_service_items_active_name",
                table: "service_items",
                columns: new[] { "tenant_id", "category", "name" },
                unique: true,
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ux_medical_institutions_active_name",
                table: "medical_institutions",
                columns: new[] { "tenant_id", "county_id", "name" },
                unique: true,
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ux_elder_care_institutions_active_name",
                table: "elder_care_institutions",
                columns: new[] { "tenant_id", "county_id", "name" },
                unique: true,
                filter: "is_active");

            migrationBuilder.CreateIndex(
                name: "ux_elder_care_institutions_active_registration",
                table: "elder_care_institutions",
                columns: new[] { "tenant_id", "registration_number" },
                unique: true,
                filter: "is_active AND registration_number <> ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_service_items_active_name",
                table: "service_items");

            migrationBuilder.DropIndex(
                name: "ux_medical_institutions_active_name",
                table: "medical_institutions");

            migrationBuilder.DropIndex(
                name: "ux_elder_care_institutions_active_name",
                table: "elder_care_institutions");

            migrationBuilder.DropIndex(
                name: "ux_elder_care_institutions_active_registration",
                table: "elder_care_institutions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "service_items");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "medical_institutions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "elder_care_institutions");
        }
    }
}
