using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class FilingReminderConfiguration : IEntityTypeConfiguration<FilingReminder>
{
    public void Configure(EntityTypeBuilder<FilingReminder> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Filing>().WithMany().HasForeignKey(r => r.FilingId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);

        // The sweep's idempotency: each reminder of a filing exists once, whatever runs the sweep.
        builder.HasIndex(r => new { r.FilingId, r.Kind }).IsUnique();
    }
}
