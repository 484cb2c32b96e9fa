using System;
using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    /// <summary>费用 and 确认时限 (issue 15, ADR 035): fee payments under FORCEd row-level security, the tenant's window.</summary>
    public partial class FeesAndConfirmationWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "service_confirmation_days",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 15);

            migrationBuilder.CreateTable(
                name: "fee_payments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    medical_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    elder_care_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_year = table.Column<int>(type: "integer", nullable: false),
                    half = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    due_amount = table.Column<decimal>(type: "numeric(12,2)", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    explanation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    recorded_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    answered_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    answered_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dispute_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    corrects_payment_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fee_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_fee_payments_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fee_payments_elder_care_institutions_elder_care_institution",
                        column: x => x.elder_care_institution_id,
                        principalTable: "elder_care_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fee_payments_fee_payments_corrects_payment_id",
                        column: x => x.corrects_payment_id,
                        principalTable: "fee_payments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fee_payments_medical_institutions_medical_institution_id",
                        column: x => x.medical_institution_id,
                        principalTable: "medical_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_fee_payments_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fee_payments_agreement_id_agreement_year_half",
                table: "fee_payments",
                columns: new[] { "agreement_id", "agreement_year", "half" },
                unique: true,
                filter: "status IN ('Pending', 'Confirmed')");

            migrationBuilder.CreateIndex(
                name: "ix_fee_payments_corrects_payment_id",
                table: "fee_payments",
                column: "corrects_payment_id");

            migrationBuilder.CreateIndex(
                name: "ix_fee_payments_elder_care_institution_id",
                table: "fee_payments",
                column: "elder_care_institution_id");

            migrationBuilder.CreateIndex(
                name: "ix_fee_payments_medical_institution_id_status_paid_on",
                table: "fee_payments",
                columns: new[] { "medical_institution_id", "status", "paid_on" });

            migrationBuilder.CreateIndex(
                name: "ix_fee_payments_tenant_id",
                table: "fee_payments",
                column: "tenant_id");

            migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable("fee_payments"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fee_payments");

            migrationBuilder.DropColumn(
                name: "service_confirmation_days",
                table: "tenants");
        }
    }
}
