using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class FilingAttachmentConfiguration : IEntityTypeConfiguration<FilingAttachment>
{
    public void Configure(EntityTypeBuilder<FilingAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Filing>().WithMany().HasForeignKey(a => a.FilingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.FileName).HasMaxLength(80);
        builder.Property(a => a.ContentType).HasMaxLength(40);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Party).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(a => new { a.FilingId, a.UploadedAtUtc });
    }
}
