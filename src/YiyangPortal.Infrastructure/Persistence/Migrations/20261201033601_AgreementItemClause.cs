using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgreementItemClause : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "clause",
                table: "agreement_items",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            // Items drafted before this column: the 附件1 坐诊/查房 items are known by their catalogue code. The tables
            // are under FORCEd row-level security, so each tenant's rows are updated with that tenant set.
            migrationBuilder.Sql("""
                DO $$
                DECLARE t uuid;
                BEGIN
                    FOR t IN SELECT id FROM tenants LOOP
                        PERFORM set_config('app.tenant_id', t::text, true);
                        UPDATE agreement_items ai
                        SET clause = CASE s.code WHEN 'SX1-CLINIC' THEN 'ClinicSessions' ELSE 'WardRounds' END
                        FROM service_items s
                        WHERE s.id = ai.service_item_id AND s.code IN ('SX1-CLINIC', 'SX1-ROUNDS') AND ai.clause IS NULL;
                    END LOOP;
                    PERFORM set_config('app.tenant_id', '', true);
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "clause",
                table: "agreement_items");
        }
    }
}
