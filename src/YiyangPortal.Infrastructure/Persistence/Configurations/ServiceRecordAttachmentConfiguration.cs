using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

/// <summary>
/// service_record_attachments (ADR 039): a side table of the partitioned service_records, one row per record, whose
/// foreign key names the record's whole key (id and service_date, the partition key; ADR 033).
/// </summary>
internal sealed class ServiceRecordAttachmentConfiguration : IEntityTypeConfiguration<ServiceRecordAttachment>
{
    public void Configure(EntityTypeBuilder<ServiceRecordAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceRecord>().WithMany()
            .HasForeignKey(a => new { a.ServiceRecordId, a.ServiceDate })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.FileName).HasMaxLength(80);
        builder.Property(a => a.ContentType).HasMaxLength(40);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();

        // One sheet per record: a second upload racing the first fails here.
        builder.HasIndex(a => a.ServiceRecordId).IsUnique();
        builder.HasIndex(a => new { a.AgreementId, a.ServiceDate });
    }
}
