using System;
using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SixOnesAndEvaluation : Migration
    {
        private static readonly string[] Tables = ["agreement_evaluations", "green_channel_uses", "health_checks", "training_sessions"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_applying_for_internal_medical_institution",
                table: "elder_care_institutions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "agreement_evaluations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    party = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    timeliness = table.Column<int>(type: "integer", nullable: false),
                    quality = table.Column<int>(type: "integer", nullable: false),
                    cooperation = table.Column<int>(type: "integer", nullable: false),
                    records = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    submitted_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submitted_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agreement_evaluations", x => x.id);
                    table.ForeignKey(
                        name: "fk_agreement_evaluations_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_agreement_evaluations_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "green_channel_uses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    elder_care_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    used_on = table.Column<DateOnly>(type: "date", nullable: false),
                    residents = table.Column<int>(type: "integer", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_green_channel_uses", x => x.id);
                    table.ForeignKey(
                        name: "fk_green_channel_uses_elder_care_institutions_elder_care_insti",
                        column: x => x.elder_care_institution_id,
                        principalTable: "elder_care_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_green_channel_uses_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "health_checks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    elder_care_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    checked_on = table.Column<DateOnly>(type: "date", nullable: false),
                    residents_checked = table.Column<int>(type: "integer", nullable: false),
                    residents_due = table.Column<int>(type: "integer", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_health_checks", x => x.id);
                    table.ForeignKey(
                        name: "fk_health_checks_elder_care_institutions_elder_care_institutio",
                        column: x => x.elder_care_institution_id,
                        principalTable: "elder_care_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_health_checks_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "training_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    elder_care_institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    attendees = table.Column<int>(type: "integer", nullable: false),
                    recorded_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_sessions_elder_care_institutions_elder_care_instit",
                        column: x => x.elder_care_institution_id,
                        principalTable: "elder_care_institutions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_training_sessions_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_agreement_evaluations_agreement_id_year_party",
                table: "agreement_evaluations",
                columns: new[] { "agreement_id", "year", "party" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agreement_evaluations_tenant_id",
                table: "agreement_evaluations",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_green_channel_uses_elder_care_institution_id_used_on",
                table: "green_channel_uses",
                columns: new[] { "elder_care_institution_id", "used_on" });

            migrationBuilder.CreateIndex(
                name: "ix_green_channel_uses_tenant_id",
                table: "green_channel_uses",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_elder_care_institution_id_year",
                table: "health_checks",
                columns: new[] { "elder_care_institution_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_health_checks_tenant_id",
                table: "health_checks",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_elder_care_institution_id_held_on",
                table: "training_sessions",
                columns: new[] { "elder_care_institution_id", "held_on" });

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_tenant_id",
                table: "training_sessions",
                column: "tenant_id");

            // Tenant-owned like staff_members: FORCEd row-level security (ADR 002, ADR 036/037).
            foreach (var table in Tables)
            {
                migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable(table));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agreement_evaluations");

            migrationBuilder.DropTable(
                name: "green_channel_uses");

            migrationBuilder.DropTable(
                name: "health_checks");

            migrationBuilder.DropTable(
                name: "training_sessions");

            migrationBuilder.DropColumn(
                name: "is_applying_for_internal_medical_institution",
                table: "elder_care_institutions");
        }
    }
}
