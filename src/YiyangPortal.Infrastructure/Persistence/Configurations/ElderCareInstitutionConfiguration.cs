using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class ElderCareInstitutionConfiguration : IEntityTypeConfiguration<ElderCareInstitution>
{
    public void Configure(EntityTypeBuilder<ElderCareInstitution> builder)
    {
        builder.HasKey(i => i.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<County>().WithMany().HasForeignKey(i => i.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Name).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Address).HasMaxLength(200);
        builder.HasIndex(i => new { i.TenantId, i.CountyId, i.Name });
    }
}
