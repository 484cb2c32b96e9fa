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
        builder.Ignore(i => i.ShouldSetUpInternalMedicalInstitution);
        builder.Ignore(i => i.InternalMedicalStatus);
    }
}
