using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.EntityType).HasMaxLength(60);
        builder.Property(r => r.Action).HasMaxLength(30);
        builder.Property(r => r.ActorName).HasMaxLength(100);
        builder.Property(r => r.Changes).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.TenantId, r.EntityType, r.EntityId, r.OccurredAt });
    }
}
