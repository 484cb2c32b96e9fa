using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.DivisionCode).HasMaxLength(6).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(30).IsRequired();
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CivilAffairsBureauName).HasMaxLength(County.MaxBureauNameLength).IsRequired();
        builder.Property(c => c.HealthBureauName).HasMaxLength(County.MaxBureauNameLength).IsRequired();

        // Two administrators renaming a county's bureaus at once: the second save fails instead of overwriting (ADR 049).
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasIndex(c => new { c.TenantId, c.DivisionCode }).IsUnique();
    }
}
