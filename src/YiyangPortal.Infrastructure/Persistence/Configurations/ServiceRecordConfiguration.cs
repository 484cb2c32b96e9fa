using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

/// <summary>
/// service_records is partitioned by month of <c>service_date</c> (ADR 033): the key includes it, as PostgreSQL
/// requires of every unique index on a partitioned table, and the correction link is no foreign key for the same
/// reason. The table itself is created by <see cref="Fulfilment.ServiceRecordPartitions"/>, not by EF.
/// </summary>
internal sealed class ServiceRecordConfiguration : IEntityTypeConfiguration<ServiceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceRecord> builder)
    {
        builder.HasKey(r => new { r.Id, r.ServiceDate });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgreementItem>().WithMany().HasForeignKey(r => r.AgreementItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.ItemName).HasMaxLength(60);
        builder.Property(r => r.StaffName).HasMaxLength(StaffMember.MaxNameLength);
        builder.Property(r => r.StaffTitle).HasConversion<string>().HasMaxLength(20);
        // A record changes once, from 待确认 to its answer: the status it was loaded with is its version, so the home
        // confirming while another user disputes makes the second save fail. (xmin cannot be returned by an INSERT
        // into a partitioned table, so it cannot serve here.)
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        builder.Property(r => r.Notes).HasMaxLength(ServiceRecord.MaxNotesLength);
        builder.Property(r => r.DisputeReason).HasMaxLength(Agreement.MaxReasonLength);

        // The fulfilment view reads one agreement's records of a period.
        builder.HasIndex(r => new { r.AgreementId, r.ServiceDate });

        // The duplicate rule (same item, day and staff) for records that correct nothing; corrections are checked
        // by the domain, which knows which record each replaces.
        builder.HasIndex(r => new { r.AgreementItemId, r.StaffMemberId, r.ServiceDate })
            .IsUnique()
            .HasFilter("corrects_record_id IS NULL");
        builder.HasIndex(r => r.CorrectsRecordId).HasFilter("corrects_record_id IS NOT NULL");
    }
}
