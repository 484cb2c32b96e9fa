using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Institutions;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class ElderCareInstitutionConfiguration : IEntityTypeConfiguration<ElderCareInstitution>
{
    public void Configure(EntityTypeBuilder<ElderCareInstitution> builder)
    {
        builder.ConfigureInstitution("elder_care_institutions");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.RegistrationNumber).HasMaxLength(50);

        // ADR 051: an active home's 备案（登记）号 is not another active home's.
        builder.HasIndex(i => new { i.TenantId, i.RegistrationNumber }, "ux_elder_care_institutions_active_registration").IsUnique()
            .HasFilter("is_active AND registration_number <> ''").HasDatabaseName("ux_elder_care_institutions_active_registration");
        builder.Ignore(i => i.ShouldSetUpInternalMedicalInstitution);
        builder.Ignore(i => i.InternalMedicalStatus);
    }
}
