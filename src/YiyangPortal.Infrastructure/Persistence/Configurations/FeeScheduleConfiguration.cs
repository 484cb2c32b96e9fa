using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Catalogue;
using YiyangPortal.Domain.Common;
using YiyangPortal.Domain.Fees;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class FeeScheduleConfiguration : IEntityTypeConfiguration<FeeSchedule>
{
    public void Configure(EntityTypeBuilder<FeeSchedule> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MedicalInstitution>().WithOne().HasForeignKey<FeeSchedule>(s => s.MedicalInstitutionId)
            .OnDelete(DeleteBehavior.Restrict);

        // Two admins publishing at once: the second save fails instead of silently merging (xmin is PostgreSQL's row version).
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasMany(s => s.Prices).WithOne().HasForeignKey(p => p.FeeScheduleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.ConsultationFees).WithOne().HasForeignKey(f => f.FeeScheduleId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(s => s.Prices).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(s => s.ConsultationFees).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
