using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class NotificationTitleTemplates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ADR 046: a notification's title as a template and its arguments. Rows written before keep both null
            // and show their stored Chinese title; the table keeps its row-level security (tenant_id).
            migrationBuilder.AddColumn<string>(
                name: "title_args",
                table: "notifications",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title_template",
                table: "notifications",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "title_args",
                table: "notifications");

            migrationBuilder.DropColumn(
                name: "title_template",
                table: "notifications");
        }
    }
}
