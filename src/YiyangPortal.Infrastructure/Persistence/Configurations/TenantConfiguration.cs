using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Slug).HasMaxLength(40).IsRequired();
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(Tenant.NameMaxLength).IsRequired();
        builder.Property(t => t.DivisionCode).HasMaxLength(6).IsRequired();

        // One deployment per city (ADR 054); two operators adding the same city at once: the second save is refused.
        builder.HasIndex(t => t.DivisionCode).IsUnique();

        // Two operators 停用/启用 the same city at once: the second is told instead of silently repeating (ADR 054).
        builder.Property<uint>("xmin").IsRowVersion();
        builder.Property(t => t.TerminationNoticeDays).HasDefaultValue(Tenant.DefaultTerminationNoticeDays).ValueGeneratedNever();
        builder.Property(t => t.ServiceConfirmationDays).HasDefaultValue(Domain.Fulfilment.ConfirmationWindow.DefaultDays).ValueGeneratedNever();
    }
}
