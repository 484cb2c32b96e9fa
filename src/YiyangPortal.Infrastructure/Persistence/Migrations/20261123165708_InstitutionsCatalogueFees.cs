using System;
using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InstitutionsCatalogueFees : Migration
    {
        private static readonly string[] NewTenantTables =
            ["change_records", "fee_schedules", "service_items", "consultation_fees", "service_prices"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "contact_person",
                table: "medical_institutions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contact_phone",
                table: "medical_institutions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "credit_code",
                table: "medical_institutions",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "legal_representative",
                table: "medical_institutions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "license_number",
                table: "medical_institutions",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contact_person",
                table: "elder_care_institutions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "contact_phone",
                table: "elder_care_institutions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "credit_code",
                table: "elder_care_institutions",
                type: "character varying(18)",
                maxLength: 18,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "legal_representative",
                table: "elder_care_institutions",
                type: "character varying(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "registration_number",
                table: "elder_care_institutions",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "change_records",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    entity_type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    entity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    actor_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    changes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_records", x => x.id);
                    table.ForeignKey(
                        name: "fk_change_records_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "fee_schedules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    medical_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_schedules", x => x.id);
                    table.ForeignKey(
                        name: "fk_fee_schedules_medical_institutions_medical_institution_id",
                        column: x => x.medical_institution_id,
                        principalTable: "medical_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fee_schedules_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    default_funding = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    source = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    requirement = table.Column<int>(type: "integer", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_items_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "consultation_fees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fee_schedule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    price = table.Column<decimal>(type: "numeric(12,2)", nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_consultation_fees", x => x.id);
                    table.ForeignKey(
                        name: "fk_consultation_fees_fee_schedules_fee_schedule_id",
                        column: x => x.fee_schedule_id,
                        principalTable: "fee_schedules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_consultation_fees_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "service_prices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fee_schedule_id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    price = table.Column<decimal>(type: "numeric(12,2)", nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    funding = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_prices", x => x.id);
                    table.ForeignKey(
                        name: "fk_service_prices_fee_schedules_fee_schedule_id",
                        column: x => x.fee_schedule_id,
                        principalTable: "fee_schedules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_service_prices_service_items_service_item_id",
                        column: x => x.service_item_id,
                        principalTable: "service_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_service_prices_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_medical_institutions_tenant_id_credit_code",
                table: "medical_institutions",
                columns: new[] { "tenant_id", "credit_code" },
                unique: true,
                filter: "credit_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_medical_institutions_tenant_id_license_number",
                table: "medical_institutions",
                columns: new[] { "tenant_id", "license_number" },
                unique: true,
                filter: "license_number <> ''");

            migrationBuilder.CreateIndex(
                name: "ix_elder_care_institutions_name_trgm",
                table: "elder_care_institutions",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_elder_care_institutions_tenant_id_credit_code",
                table: "elder_care_institutions",
                columns: new[] { "tenant_id", "credit_code" },
                unique: true,
                filter: "credit_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_elder_care_institutions_tenant_id_name_id",
                table: "elder_care_institutions",
                columns: new[] { "tenant_id", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_change_records_tenant_id_entity_type_entity_id_occurred_at",
                table: "change_records",
                columns: new[] { "tenant_id", "entity_type", "entity_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_consultation_fees_fee_schedule_id_title_valid_from",
                table: "consultation_fees",
                columns: new[] { "fee_schedule_id", "title", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_consultation_fees_tenant_id",
                table: "consultation_fees",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_fee_schedules_medical_institution_id",
                table: "fee_schedules",
                column: "medical_institution_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fee_schedules_tenant_id",
                table: "fee_schedules",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_items_tenant_id_category_sort_order",
                table: "service_items",
                columns: new[] { "tenant_id", "category", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_service_items_tenant_id_code",
                table: "service_items",
                columns: new[] { "tenant_id", "code" },
                unique: true,
                filter: "code <> ''");

            migrationBuilder.CreateIndex(
                name: "ix_service_prices_fee_schedule_id_service_item_id_valid_from",
                table: "service_prices",
                columns: new[] { "fee_schedule_id", "service_item_id", "valid_from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_service_prices_service_item_id",
                table: "service_prices",
                column: "service_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_prices_tenant_id",
                table: "service_prices",
                column: "tenant_id");

            // Tenancy wall for the new tenant tables (docs/decisions/002-row-level-security.md).
            foreach (var table in NewTenantTables)
            {
                migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable(table));
            }

            // The change history is append-only: who changed what must survive an application bug or a bad hand.
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_change_record_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'change_records is append-only';
                END $$;
                CREATE TRIGGER change_records_append_only BEFORE UPDATE OR DELETE ON change_records
                    FOR EACH ROW EXECUTE FUNCTION refuse_change_record_rewrite();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER change_records_append_only ON change_records;");
            migrationBuilder.Sql("DROP FUNCTION refuse_change_record_rewrite();");
            foreach (var table in NewTenantTables)
            {
                migrationBuilder.Sql(RowLevelSecurity.Disable(table));
            }

            migrationBuilder.DropTable(
                name: "change_records");

            migrationBuilder.DropTable(
                name: "consultation_fees");

            migrationBuilder.DropTable(
                name: "service_prices");

            migrationBuilder.DropTable(
                name: "fee_schedules");

            migrationBuilder.DropTable(
                name: "service_items");

            migrationBuilder.DropIndex(
                name: "ix_medical_institutions_tenant_id_credit_code",
                table: "medical_institutions");

            migrationBuilder.DropIndex(
                name: "ix_medical_institutions_tenant_id_license_number",
                table: "medical_institutions");

            migrationBuilder.DropIndex(
                name: "ix_elder_care_institutions_name_trgm",
                table: "elder_care_institutions");

            migrationBuilder.DropIndex(
                name: "ix_elder_care_institutions_tenant_id_credit_code",
                table: "elder_care_institutions");

            migrationBuilder.DropIndex(
                name: "ix_elder_care_institutions_tenant_id_name_id",
                table: "elder_care_institutions");

            migrationBuilder.DropColumn(
                name: "contact_person",
                table: "medical_institutions");

            migrationBuilder.DropColumn(
                name: "contact_phone",
                table: "medical_institutions");

            migrationBuilder.DropColumn(
                name: "credit_code",
                table: "medical_institutions");

            migrationBuilder.DropColumn(
                name: "legal_representative",
                table: "medical_institutions");

            migrationBuilder.DropColumn(
                name: "license_number",
                table: "medical_institutions");

            migrationBuilder.DropColumn(
                name: "contact_person",
                table: "elder_care_institutions");

            migrationBuilder.DropColumn(
                name: "contact_phone",
                table: "elder_care_institutions");

            migrationBuilder.DropColumn(
                name: "credit_code",
                table: "elder_care_institutions");

            migrationBuilder.DropColumn(
                name: "legal_representative",
                table: "elder_care_institutions");

            migrationBuilder.DropColumn(
                name: "registration_number",
                table: "elder_care_institutions");
        }
    }
}
