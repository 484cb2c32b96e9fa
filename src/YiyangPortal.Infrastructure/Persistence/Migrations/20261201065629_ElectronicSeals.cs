using System;
using Microsoft.EntityFrameworkCore.Migrations;
using YiyangPortal.Infrastructure.Tenancy;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Issue 14, electronic seals: the tenant's seal authority and keys (encrypted), each institution's seal, who may
    /// use it (用印) and the ledger of its uses, and where the seals go in a stored text. Keys, revocations and the
    /// ledger are insert-only like audit_entries (the revokes for the app role are in DatabaseMigrator.GrantSql
    /// through AppendOnlyTables.All).
    /// </summary>
    public partial class ElectronicSeals : Migration
    {
        private static readonly string[] TenantTables =
            ["seal_keys", "seal_key_revocations", "tenant_seal_authorities", "institution_seals", "seal_holders", "seal_uses"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "seal_layout",
                table: "agreement_documents",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "seal_holders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    granted_by = table.Column<Guid>(type: "uuid", nullable: true),
                    granted_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seal_holders", x => x.id);
                    table.ForeignKey(
                        name: "fk_seal_holders_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_seal_holders_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "seal_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    issuer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    encrypted_private_key = table.Column<byte[]>(type: "bytea", nullable: false),
                    certificate = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seal_keys", x => x.id);
                    table.ForeignKey(
                        name: "fk_seal_keys_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "institution_seals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    certificate_subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    certificate_serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    image = table.Column<byte[]>(type: "bytea", nullable: false),
                    image_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    image_changed_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_institution_seals", x => x.id);
                    table.ForeignKey(
                        name: "fk_institution_seals_seal_keys_key_id",
                        column: x => x.key_id,
                        principalTable: "seal_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_institution_seals_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "seal_key_revocations",
                columns: table => new
                {
                    key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revoked_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seal_key_revocations", x => x.key_id);
                    table.ForeignKey(
                        name: "fk_seal_key_revocations_seal_keys_key_id",
                        column: x => x.key_id,
                        principalTable: "seal_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_seal_key_revocations_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tenant_seal_authorities",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    algorithm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    root_key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    issuing_key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    timestamp_key_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_seal_authorities", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_tenant_seal_authorities_seal_keys_issuing_key_id",
                        column: x => x.issuing_key_id,
                        principalTable: "seal_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tenant_seal_authorities_seal_keys_root_key_id",
                        column: x => x.root_key_id,
                        principalTable: "seal_keys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_tenant_seal_authorities_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "seal_uses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    party = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    institution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    certificate_serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    signer_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    used_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    confirmed_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    sealed_sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seal_uses", x => x.id);
                    table.ForeignKey(
                        name: "fk_seal_uses_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_seal_uses_institution_seals_seal_id",
                        column: x => x.seal_id,
                        principalTable: "institution_seals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_seal_uses_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_institution_seals_key_id",
                table: "institution_seals",
                column: "key_id");

            migrationBuilder.CreateIndex(
                name: "ix_institution_seals_party_institution_id",
                table: "institution_seals",
                columns: new[] { "party", "institution_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_institution_seals_tenant_id",
                table: "institution_seals",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_seal_holders_party_institution_id_user_id",
                table: "seal_holders",
                columns: new[] { "party", "institution_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_seal_holders_tenant_id",
                table: "seal_holders",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_seal_holders_user_id",
                table: "seal_holders",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_seal_key_revocations_tenant_id",
                table: "seal_key_revocations",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_seal_keys_issuer_id",
                table: "seal_keys",
                column: "issuer_id");

            migrationBuilder.CreateIndex(
                name: "ix_seal_keys_tenant_id",
                table: "seal_keys",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_seal_uses_agreement_id_confirmed_sha256",
                table: "seal_uses",
                columns: new[] { "agreement_id", "confirmed_sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_seal_uses_seal_id_used_at_utc",
                table: "seal_uses",
                columns: new[] { "seal_id", "used_at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_seal_uses_tenant_id",
                table: "seal_uses",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_seal_authorities_issuing_key_id",
                table: "tenant_seal_authorities",
                column: "issuing_key_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_seal_authorities_root_key_id",
                table: "tenant_seal_authorities",
                column: "root_key_id");

            // ---- hand-written SQL (issue 14) ----
            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql(RowLevelSecurity.EnableForTenantTable(table));
            }

            foreach (var table in AppendOnlyTables.Seals)
            {
                migrationBuilder.Sql(AppendOnlyTables.CreateTrigger(table));
            }

            // ---- end of hand-written SQL ----
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // ---- hand-written SQL (issue 14) ----
            foreach (var table in AppendOnlyTables.Seals)
            {
                migrationBuilder.Sql(AppendOnlyTables.DropTrigger(table));
            }

            foreach (var table in TenantTables)
            {
                migrationBuilder.Sql(RowLevelSecurity.Disable(table));
            }

            // ---- end of hand-written SQL ----
            migrationBuilder.DropTable(
                name: "seal_holders");

            migrationBuilder.DropTable(
                name: "seal_key_revocations");

            migrationBuilder.DropTable(
                name: "seal_uses");

            migrationBuilder.DropTable(
                name: "tenant_seal_authorities");

            migrationBuilder.DropTable(
                name: "institution_seals");

            migrationBuilder.DropTable(
                name: "seal_keys");

            migrationBuilder.DropColumn(
                name: "seal_layout",
                table: "agreement_documents");
        }
    }
}
