using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class ServicePriceConfiguration : IEntityTypeConfiguration<ServicePrice>
{
    public void Configure(EntityTypeBuilder<ServicePrice> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceItem>().WithMany().HasForeignKey(p => p.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Price).HasConversion(MoneyConversion.Converter).HasColumnType(MoneyConversion.ColumnType);
        builder.Property(p => p.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Funding).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(p => p.Validity);
        builder.HasIndex(p => new { p.FeeScheduleId, p.ServiceItemId, p.ValidFrom }).IsUnique();
    }
}
