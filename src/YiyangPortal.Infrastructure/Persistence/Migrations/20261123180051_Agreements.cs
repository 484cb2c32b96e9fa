using System;
using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Agreements : Migration
    {
        private static readonly string[] TenantTables =
            ["agreements", "notifications", "agreement_documents", "audit_entries", "filings"];

        private static readonly (string Table, string Parent, string Key)[] ChildTables =
        [
            ("agreement_items", "agreements", "agreement_id"),
            ("agreement_events", "agreements", "agreement_id"),
            ("agreement_signatures", "agreements", "agreement_id"),
            ("filing_history", "filings", "filing_id"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    elder_care_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    medical_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    template = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    document_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    terms = table.Column<string>(type: "jsonb", nullable: false),
                    review_round = table.Column<int>(type: "integer", nullable: false),
                    created_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    return_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    effective_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    terminated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    terminated_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    termination_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    renewal_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    supplement_to_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreements", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreements_agreements_renewal_of_id",
                        column: x => x.renewal_of_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreements_agreements_supplement_to_id",
                        column: x => x.supplement_to_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreements_elder_care_institutions_elder_care_institution_id",
                        column: x => x.elder_care_institution_id,
                        principalTable: "elder_care_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreements_medical_institutions_medical_institution_id",
                        column: x => x.medical_institution_id,
                        principalTable: "medical_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreements_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    read_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_notifications", x => x.id);
                    table.ForeignKey(
                        name: "fk_notifications_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_notifications_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_documents_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreement_documents_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    occurred_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    item_id = table.Column<Guid>(type: "uuid", nullable: true),
                    before = table.Column<string>(type: "text", nullable: true),
                    after = table.Column<string>(type: "text", nullable: true),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_events_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agreement_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    service_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fee_schedule_entry_id = table.Column<Guid>(type: "uuid", nullable: true),
                    category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    funding = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    unit_price = table.Column<decimal>(type: "numeric(12,2)", nullable: true),
                    frequency = table.Column<int>(type: "integer", nullable: false),
                    review_state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    proposed_frequency = table.Column<int>(type: "integer", nullable: true),
                    proposed_unit_price = table.Column<decimal>(type: "numeric(12,2)", nullable: true),
                    review_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_items_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "agreement_signatures",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signer_name = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    signer_title = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    signed_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    client_ip = table.Column<string>(type: "character varying(45)", maxLength: 45, nullable: false),
                    document_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_signatures", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_signatures_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    occurred_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    action = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    details = table.Column<string>(type: "text", nullable: false),
                    previous_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_entries_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_audit_entries_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "filings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bureau = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    county_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    first_submitted_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reviewed_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    return_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_filings", x => x.id);
                    table.ForeignKey(
                        name: "fk_filings_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_filings_counties_county_id",
                        column: x => x.county_id,
                        principalTable: "counties",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_filings_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "filing_history",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    filing_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_filing_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_filing_history_filings_filing_id",
                        column: x => x.filing_id,
                        principalTable: "filings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_documents_agreement_id_kind",
                table: "agreement_documents",
                columns: new[] { "agreement_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_documents_sha256",
                table: "agreement_documents",
                column: "sha256");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_documents_tenant_id",
                table: "agreement_documents",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_events_agreement_id",
                table: "agreement_events",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_items_agreement_id",
                table: "agreement_items",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_signatures_agreement_id",
                table: "agreement_signatures",
                column: "agreement_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_elder_care_institution_id",
                table: "agreements",
                column: "elder_care_institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_medical_institution_id",
                table: "agreements",
                column: "medical_institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_renewal_of_id",
                table: "agreements",
                column: "renewal_of_id",
                unique: true,
                filter: "renewal_of_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_supplement_to_id",
                table: "agreements",
                column: "supplement_to_id");

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tenant_id_document_number",
                table: "agreements",
                columns: new[] { "tenant_id", "document_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tenant_id_elder_care_institution_id_status",
                table: "agreements",
                columns: new[] { "tenant_id", "elder_care_institution_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tenant_id_medical_institution_id_status",
                table: "agreements",
                columns: new[] { "tenant_id", "medical_institution_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_tenant_id_status",
                table: "agreements",
                columns: new[] { "tenant_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_agreement_id_sequence",
                table: "audit_entries",
                columns: new[] { "agreement_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entries_tenant_id",
                table: "audit_entries",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_filing_history_filing_id",
                table: "filing_history",
                column: "filing_id");

            migrationBuilder.CreateIndex(
                name: "ix_filings_agreement_id_bureau_county_id",
                table: "filings",
                columns: new[] { "agreement_id", "bureau", "county_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_filings_county_id",
                table: "filings",
                column: "county_id");

            migrationBuilder.CreateIndex(
                name: "ix_filings_tenant_id_bureau_county_id_status_due_date",
                table: "filings",
                columns: new[] { "tenant_id", "bureau", "county_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_filings_tenant_id_status_due_date",
                table: "filings",
                columns: new[] { "tenant_id", "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_notifications_tenant_id",
                table: "notifications",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_user_id_created_at_utc",
                table: "notifications",
                columns: new[] { "user_id", "created_at_utc" });

            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable(table));
            }

            foreach (var (table, parent, key) in ChildTables)
            {
                migrationBuilder.Sql(RowLevelSecurity.EnableForChildTable(table, parent, key));
            }

            // Evidence is append-only: the audit chain and the stored PDFs are never rewritten. (A signature withdrawn by a
            // return before both signed is deleted; the events and the audit chain keep it.)
            migrationBuilder.Sql("""
                CREATE FUNCTION refuse_evidence_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
                END $$;
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries
                    FOR EACH ROW EXECUTE FUNCTION refuse_evidence_rewrite();
                CREATE TRIGGER agreement_documents_append_only BEFORE UPDATE OR DELETE ON agreement_documents
                    FOR EACH ROW EXECUTE FUNCTION refuse_evidence_rewrite();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER agreement_documents_append_only ON agreement_documents;
                DROP TRIGGER audit_entries_append_only ON audit_entries;
                DROP FUNCTION refuse_evidence_rewrite();
                """);
            foreach (var table in TenantTables.Concat(ChildTables.Select(c => c.Table)))
            {
                migrationBuilder.Sql(RowLevelSecurity.Disable(table));
            }

            migrationBuilder.DropTable(
                name: "agreement_documents");

            migrationBuilder.DropTable(
                name: "agreement_events");

            migrationBuilder.DropTable(
                name: "agreement_items");

            migrationBuilder.DropTable(
                name: "agreement_signatures");

            migrationBuilder.DropTable(
                name: "audit_entries");

            migrationBuilder.DropTable(
                name: "filing_history");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "filings");

            migrationBuilder.DropTable(
                name: "agreements");
        }
    }
}
