using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class AgreementItemConfiguration : IEntityTypeConfiguration<AgreementItem>
{
    public void Configure(EntityTypeBuilder<AgreementItem> builder)
    {
        builder.ToTable("agreement_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Funding).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.ReviewState).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Clause).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Name).HasMaxLength(60);
        builder.Property(i => i.ReviewReason).HasMaxLength(500);
        builder.Property(i => i.UnitPrice).HasConversion(MoneyConversion.Converter).HasColumnType(MoneyConversion.ColumnType);
        builder.Property(i => i.ProposedUnitPrice).HasConversion(MoneyConversion.Converter).HasColumnType(MoneyConversion.ColumnType);
    }
}
