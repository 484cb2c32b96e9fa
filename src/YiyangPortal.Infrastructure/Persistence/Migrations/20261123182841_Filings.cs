using System;
using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Filings;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Filings : Migration
    {
        private static readonly string[] TenantTables = ["filing_attachments", "filing_reminders"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_filings_tenant_id_bureau_county_id_status_due_date",
                table: "filings");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "signed_at_utc",
                table: "filings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "filing_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    filing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    file_name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    content_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    uploaded_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_filing_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_filing_attachments_filings_filing_id",
                        column: x => x.filing_id,
                        principalTable: "filings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_filing_attachments_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "filing_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    filing_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_filing_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_filing_reminders_filings_filing_id",
                        column: x => x.filing_id,
                        principalTable: "filings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_filing_reminders_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_filings_tenant_id_bureau_county_id_status_due_date",
                table: "filings",
                columns: new[] { "tenant_id", "bureau", "county_id", "status", "due_date" })
                .Annotation("Npgsql:IndexInclude", new[] { "signed_at_utc", "first_submitted_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_agreements_coverage",
                table: "agreements",
                columns: new[] { "tenant_id", "status", "elder_care_institution_id", "medical_institution_id" });

            migrationBuilder.CreateIndex(
                name: "ix_filing_attachments_filing_id_uploaded_at_utc",
                table: "filing_attachments",
                columns: new[] { "filing_id", "uploaded_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_filing_attachments_tenant_id",
                table: "filing_attachments",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_filing_reminders_filing_id_kind",
                table: "filing_reminders",
                columns: new[] { "filing_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_filing_reminders_tenant_id",
                table: "filing_reminders",
                column: "tenant_id");

            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable(table));
            }

            // A scanned copy is evidence of what was filed: stored once, never rewritten (like agreement_documents).
            migrationBuilder.Sql("""
                CREATE TRIGGER filing_attachments_append_only BEFORE UPDATE OR DELETE ON filing_attachments
                    FOR EACH ROW EXECUTE FUNCTION refuse_evidence_rewrite();
                """);

            migrationBuilder.Sql(CoverageTracking.Create);
            migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable(CoverageTracking.Table));
            migrationBuilder.Sql(FilingTotals.Create);
            migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable(FilingTotals.Table));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(FilingTotals.Drop);
            migrationBuilder.Sql(CoverageTracking.Drop);
            migrationBuilder.Sql("DROP TRIGGER filing_attachments_append_only ON filing_attachments;");
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql(RowLevelSecurity.Disable(table));
            }

            migrationBuilder.DropTable(
                name: "filing_attachments");

            migrationBuilder.DropTable(
                name: "filing_reminders");

            migrationBuilder.DropIndex(
                name: "ix_filings_tenant_id_bureau_county_id_status_due_date",
                table: "filings");

            migrationBuilder.DropIndex(
                name: "ix_agreements_coverage",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "signed_at_utc",
                table: "filings");

            migrationBuilder.CreateIndex(
                name: "ix_filings_tenant_id_bureau_county_id_status_due_date",
                table: "filings",
                columns: new[] { "tenant_id", "bureau", "county_id", "status", "due_date" });

        }
    }
}
