using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class MedicalInstitutionConfiguration : IEntityTypeConfiguration<MedicalInstitution>
{
    public void Configure(EntityTypeBuilder<MedicalInstitution> builder)
    {
        builder.ConfigureInstitution("medical_institutions");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Grade).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.LicenseNumber).HasMaxLength(50);
        builder.Ignore(i => i.IsPrimaryLevel);
        builder.HasIndex(i => new { i.TenantId, i.LicenseNumber }).IsUnique().HasFilter("license_number <> ''");
    }
}
