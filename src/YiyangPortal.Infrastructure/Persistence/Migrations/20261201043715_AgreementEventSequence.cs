using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AgreementEventSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_agreement_events_agreement_id",
                table: "agreement_events");

            migrationBuilder.AddColumn<int>(
                name: "sequence",
                table: "agreement_events",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Events recorded before this column: numbered by time, then id (the tables are under FORCEd row-level
            // security, so each tenant's rows are numbered with that tenant set).
            migrationBuilder.Sql("""
                DO $$
                DECLARE t uuid;
                BEGIN
                    FOR t IN SELECT id FROM tenants LOOP
                        PERFORM set_config('app.tenant_id', t::text, true);
                        UPDATE agreement_events e SET sequence = r.n
                        FROM (SELECT id, row_number() OVER (PARTITION BY agreement_id ORDER BY occurred_at_utc, id) AS n
                              FROM agreement_events) r
                        WHERE r.id = e.id;
                    END LOOP;
                    PERFORM set_config('app.tenant_id', '', true);
                END $$;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_agreement_events_agreement_id_sequence",
                table: "agreement_events",
                columns: new[] { "agreement_id", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_agreement_events_agreement_id_sequence",
                table: "agreement_events");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "agreement_events");

            migrationBuilder.CreateIndex(
                name: "ix_agreement_events_agreement_id",
                table: "agreement_events",
                column: "agreement_id");
        }
    }
}
