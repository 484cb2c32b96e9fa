using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class ConsultationFeeConfiguration : IEntityTypeConfiguration<ConsultationFee>
{
    public void Configure(EntityTypeBuilder<ConsultationFee> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Price).HasConversion(MoneyConversion.Converter).HasColumnType(MoneyConversion.ColumnType);
        builder.Property(f => f.Title).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(f => f.Validity);
        builder.HasIndex(f => new { f.FeeScheduleId, f.Title, f.ValidFrom }).IsUnique();
    }
}
