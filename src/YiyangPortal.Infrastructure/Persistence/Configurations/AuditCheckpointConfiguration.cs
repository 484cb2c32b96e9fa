using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Auditing;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

/// <summary>
/// <c>audit.chain_heads</c>: a schema of its own, where the application role may read and call
/// <c>audit.record_chain_head</c> but not write (<see cref="AuditCheckpoints"/>, <see cref="DatabaseMigrator"/>).
/// </summary>
internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> builder)
    {
        builder.ToTable(AuditCheckpoints.Table, AuditCheckpoints.Schema);
        builder.HasKey(c => c.AgreementId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(c => c.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.HeadHash).HasMaxLength(64);
        builder.Property(c => c.KeyId).HasMaxLength(32);
        builder.Property(c => c.Mac).HasMaxLength(64);
        builder.HasIndex(c => c.TenantId);
    }
}
