using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MedicalInstitution>().WithMany().HasForeignKey(s => s.MedicalInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Name).HasMaxLength(StaffMember.MaxNameLength);
        builder.Property(s => s.Title).HasConversion<string>().HasMaxLength(20);
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasIndex(s => new { s.MedicalInstitutionId, s.Name });
    }
}
