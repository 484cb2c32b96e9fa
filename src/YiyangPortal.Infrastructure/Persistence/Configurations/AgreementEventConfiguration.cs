using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class AgreementEventConfiguration : IEntityTypeConfiguration<AgreementEvent>
{
    public void Configure(EntityTypeBuilder<AgreementEvent> builder)
    {
        builder.ToTable("agreement_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Party).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.Reason).HasMaxLength(500);

        // One position per event in its agreement's history; a second writer of the same position is refused.
        builder.HasIndex("AgreementId", nameof(AgreementEvent.Sequence)).IsUnique();
    }
}
