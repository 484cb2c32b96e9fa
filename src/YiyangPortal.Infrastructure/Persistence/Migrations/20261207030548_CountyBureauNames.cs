using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CountyBureauNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ADR 049: the bureaus' names are stored, editable by the city's administrator. Existing counties get the
            // names the portal derived until now; then the columns are required.
            migrationBuilder.AddColumn<string>(
                name: "civil_affairs_bureau_name",
                table: "counties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "health_bureau_name",
                table: "counties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            // counties is under FORCEd row-level security: each tenant's rows are filled with that tenant set.
            migrationBuilder.Sql("""
                DO $$
                DECLARE t uuid;
                BEGIN
                    FOR t IN SELECT id FROM tenants LOOP
                        PERFORM set_config('app.tenant_id', t::text, true);
                        UPDATE counties SET civil_affairs_bureau_name = name || '民政局', health_bureau_name = name || '卫生健康局';
                    END LOOP;
                    PERFORM set_config('app.tenant_id', '', true);
                END $$;
                """);

            migrationBuilder.AlterColumn<string>(
                name: "civil_affairs_bureau_name",
                table: "counties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "health_bureau_name",
                table: "counties",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldNullable: true);

            // xmin is PostgreSQL's system column: the concurrency token needs no DDL (Npgsql skips it).
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "counties",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "civil_affairs_bureau_name",
                table: "counties");

            migrationBuilder.DropColumn(
                name: "health_bureau_name",
                table: "counties");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "counties");
        }
    }
}
