using System;
using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Fulfilment;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>履约 (issue 15): the staff roster and the service records, partitioned by month (ADR 033).</summary>
    public partial class Fulfilment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "staff_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    medical_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    title = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_staff_members_medical_institutions_medical_institution_id",
                        column: x => x.medical_institution_id,
                        principalTable: "medical_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_staff_members_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Partitioned by month (ADR 033): raw SQL, EF cannot declare it.
            migrationBuilder.Sql(ServiceRecordPartitions.Create);

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_medical_institution_id_name",
                table: "staff_members",
                columns: new[] { "medical_institution_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_members_tenant_id",
                table: "staff_members",
                column: "tenant_id");

            migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable("staff_members"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(ServiceRecordPartitions.Drop);

            migrationBuilder.DropTable(
                name: "staff_members");
        }
    }
}
