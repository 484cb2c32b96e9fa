using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

/// <summary>
/// fee_payments (issue 15, ADR 035). One standing payment per instalment: a partial unique index over the payments
/// that are pending or confirmed, so two users paying the same instalment at once get a conflict, not two rows.
/// </summary>
internal sealed class FeePaymentConfiguration : IEntityTypeConfiguration<FeePayment>
{
    public void Configure(EntityTypeBuilder<FeePayment> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MedicalInstitution>().WithMany().HasForeignKey(p => p.MedicalInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ElderCareInstitution>().WithMany().HasForeignKey(p => p.ElderCareInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FeePayment>().WithMany().HasForeignKey(p => p.CorrectsPaymentId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Half).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Amount).HasConversion(MoneyConversion.Converter).HasColumnType(MoneyConversion.ColumnType);
        builder.Property(p => p.DueAmount).HasConversion(MoneyConversion.Converter).HasColumnType(MoneyConversion.ColumnType);
        builder.Property(p => p.Reference).HasMaxLength(FeePayment.MaxReferenceLength);
        builder.Property(p => p.Explanation).HasMaxLength(FeePayment.MaxExplanationLength);
        builder.Property(p => p.DisputeReason).HasMaxLength(Agreement.MaxReasonLength);

        // Two users confirming (or disputing) the same payment at once: the second save finds another version.
        builder.Property<uint>("xmin").IsRowVersion();

        builder.HasIndex(p => new { p.AgreementId, p.AgreementYear, p.Half })
            .IsUnique()
            .HasFilter("status IN ('Pending', 'Confirmed')");

        // The clinic's 备查账 and its to-do read by institution and status.
        builder.HasIndex(p => new { p.MedicalInstitutionId, p.Status, p.PaidOn });
    }
}
