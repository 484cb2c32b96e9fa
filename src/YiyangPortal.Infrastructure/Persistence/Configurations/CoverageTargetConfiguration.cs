using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Coverage;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class CoverageTargetConfiguration : IEntityTypeConfiguration<CoverageTarget>
{
    public void Configure(EntityTypeBuilder<CoverageTarget> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Measure).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Source).HasMaxLength(CoverageTarget.SourceMaxLength).IsRequired();
        builder.HasIndex(t => new { t.TenantId, t.Measure, t.Deadline }).IsUnique();
    }
}
