using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Termination : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_filings_agreement_id_bureau_county_id",
                table: "filings");

            migrationBuilder.AddColumn<int>(
                name: "termination_notice_days",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 30);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "filings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Signing");

            migrationBuilder.AddColumn<DateOnly>(
                name: "termination_confirmed_on",
                table: "agreements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "termination_kind",
                table: "agreements",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "termination_notice_ends_on",
                table: "agreements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "termination_proposal_reason",
                table: "agreements",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "termination_proposed_at_utc",
                table: "agreements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "termination_proposed_by",
                table: "agreements",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "termination_proposed_on",
                table: "agreements",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_filings_agreement_id_kind_bureau_county_id",
                table: "filings",
                columns: new[] { "agreement_id", "kind", "bureau", "county_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_filings_agreement_id_kind_bureau_county_id",
                table: "filings");

            migrationBuilder.DropColumn(
                name: "termination_notice_days",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "filings");

            migrationBuilder.DropColumn(
                name: "termination_confirmed_on",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "termination_kind",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "termination_notice_ends_on",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "termination_proposal_reason",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "termination_proposed_at_utc",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "termination_proposed_by",
                table: "agreements");

            migrationBuilder.DropColumn(
                name: "termination_proposed_on",
                table: "agreements");

            migrationBuilder.CreateIndex(
                name: "ix_filings_agreement_id_bureau_county_id",
                table: "filings",
                columns: new[] { "agreement_id", "bureau", "county_id" },
                unique: true);
        }
    }
}
