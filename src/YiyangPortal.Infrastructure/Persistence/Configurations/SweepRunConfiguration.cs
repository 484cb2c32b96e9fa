using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class SweepRunConfiguration : IEntityTypeConfiguration<SweepRun>
{
    public void Configure(EntityTypeBuilder<SweepRun> builder)
    {
        builder.ToTable("sweep_runs");
        builder.HasKey(r => new { r.TenantId, r.Sweep });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
