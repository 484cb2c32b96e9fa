using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Issue 12, "the history shown cannot be rewritten": keyed audit entries (key id), chain-head checkpoints in the
    /// audit schema, signatures kept when withdrawn (attempt), and insert-only history tables.
    /// </summary>
    public partial class HardenedHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "audit");

            migrationBuilder.AddColumn<string>(
                name: "key_id",
                table: "audit_entries",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "attempt",
                table: "agreement_signatures",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "chain_heads",
                schema: "audit",
                columns: table => new
                {
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    head_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    key_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    mac = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    recorded_at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_chain_heads", x => x.agreement_id);
                    table.ForeignKey(
                        name: "fk_chain_heads_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_chain_heads_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_chain_heads_tenant_id",
                schema: "audit",
                table: "chain_heads",
                column: "tenant_id");

            // ---- hand-written SQL (issue 12) ----------------------------------------------------------------------
            // 1. Signatures made before this column are the ones in force (withdrawn ones used to be deleted): their
            //    attempt is the number of returns their agreement has had. Tables FORCE row-level security, so each
            //    tenant's rows are updated with that tenant set.
            migrationBuilder.Sql("""
                DO $$
                DECLARE t uuid;
                BEGIN
                    FOR t IN SELECT id FROM tenants LOOP
                        PERFORM set_config('app.tenant_id', t::text, true);
                        UPDATE agreement_signatures s SET attempt = (
                            SELECT count(*) FROM agreement_events e
                            WHERE e.agreement_id = s.agreement_id AND e.kind = 'ReturnedForRevision');
                    END LOOP;
                    PERFORM set_config('app.tenant_id', '', true);
                END $$;
                """);

            // 2. History, signatures and filing history become insert-only like audit_entries (the revokes for the app
            //    role are in DatabaseMigrator.GrantSql).
            foreach (var table in AppendOnlyTables.Added)
            {
                migrationBuilder.Sql(AppendOnlyTables.CreateTrigger(table));
            }

            // 3. Checkpoints: row-level security, the forward-only SECURITY DEFINER function, and the current head of
            //    every chain written so far (unkeyed: those chains predate the audit key).
            migrationBuilder.Sql(AuditCheckpoints.Create);
            migrationBuilder.Sql(AuditCheckpoints.RecordExistingHeads);
            // ---- end of hand-written SQL --------------------------------------------------------------------------
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // ---- hand-written SQL (issue 12) ----
            migrationBuilder.Sql(AuditCheckpoints.Drop);
            foreach (var table in AppendOnlyTables.Added)
            {
                migrationBuilder.Sql(AppendOnlyTables.DropTrigger(table));
            }

            // ---- end of hand-written SQL ----
            migrationBuilder.DropTable(
                name: "chain_heads",
                schema: "audit");

            migrationBuilder.DropColumn(
                name: "key_id",
                table: "audit_entries");

            migrationBuilder.DropColumn(
                name: "attempt",
                table: "agreement_signatures");
        }
    }
}
