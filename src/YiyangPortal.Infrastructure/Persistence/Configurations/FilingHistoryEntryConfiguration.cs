using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Filings;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class FilingHistoryEntryConfiguration : IEntityTypeConfiguration<FilingHistoryEntry>
{
    public void Configure(EntityTypeBuilder<FilingHistoryEntry> builder)
    {
        builder.ToTable("filing_history");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Party).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FromStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.ToStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Note).HasMaxLength(500);
    }
}
