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

        // ADR 051: one active item of a name per category (a deactivated one does not block), and two admins editing
        // one item at once: the second save is refused (xmin is PostgreSQL's row version).
        builder.HasIndex(i => new { i.TenantId, i.Category, i.Name }, "ux_service_items_active_name").IsUnique().HasFilter("is_active")
            .HasDatabaseName("ux_service_items_active_name");
        builder.Property<uint>("xmin").IsRowVersion();
    }
}
