using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Code).HasMaxLength(40);
        builder.Property(i => i.Name).HasMaxLength(ServiceItem.MaxNameLength).IsRequired();
        builder.Property(i => i.Description).HasMaxLength(ServiceItem.MaxDescriptionLength);
        builder.Property(i => i.Source).HasMaxLength(60);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.DefaultFunding).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Requirement).HasConversion<int>();
        builder.HasIndex(i => new { i.TenantId, i.Code }).IsUnique().HasFilter("code <> ''");
        builder.HasIndex(i => new { i.TenantId, i.Category, i.SortOrder });
    }
}
