using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace YiyangPortal.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class StaffRosterAndClinicTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "medical_institution_id",
                table: "training_sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_sessions_medical_institution_id_held_on",
                table: "training_sessions",
                columns: new[] { "medical_institution_id", "held_on" });

            migrationBuilder.AddForeignKey(
                name: "fk_training_sessions_medical_institutions_medical_institution_",
                table: "training_sessions",
                column: "medical_institution_id",
                principalTable: "medical_institutions",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_training_sessions_medical_institutions_medical_institution_",
                table: "training_sessions");

            migrationBuilder.DropIndex(
                name: "ix_training_sessions_medical_institution_id_held_on",
                table: "training_sessions");

            migrationBuilder.DropColumn(
                name: "medical_institution_id",
                table: "training_sessions");
        }
    }
}
