using System;
using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ServiceRecordAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "service_record_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_record_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_date = table.Column<DateOnly>(type: "date", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_record_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_record_attachments_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_service_record_attachments_service_records_service_record_i",
                        columns: x => new { x.service_record_id, x.service_date },
                        principalTable: "service_records",
                        principalColumns: new[] { "id", "service_date" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_service_record_attachments_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_service_record_attachments_agreement_id_service_date",
                table: "service_record_attachments",
                columns: new[] { "agreement_id", "service_date" });

            migrationBuilder.CreateIndex(
                name: "ix_service_record_attachments_service_record_id",
                table: "service_record_attachments",
                column: "service_record_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_record_attachments_service_record_id_service_date",
                table: "service_record_attachments",
                columns: new[] { "service_record_id", "service_date" });

            migrationBuilder.CreateIndex(
                name: "ix_service_record_attachments_tenant_id",
                table: "service_record_attachments",
                column: "tenant_id");

            migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable("service_record_attachments"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "service_record_attachments");
        }
    }
}
