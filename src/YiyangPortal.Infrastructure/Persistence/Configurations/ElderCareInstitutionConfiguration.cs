using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class ElderCareInstitutionConfiguration : IEntityTypeConfiguration<ElderCareInstitution>
{
    public void Configure(EntityTypeBuilder<ElderCareInstitution> builder)
    {
        builder.HasKey(i => i.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<County>().WithMany().HasForeignKey(i => i.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Name).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Address).HasMaxLength(InstitutionContact.MaxAddressLength);
        builder.Property(i => i.RegistrationNumber).HasMaxLength(50);
        builder.Property(i => i.CreditCode).HasMaxLength(18);
        builder.Property(i => i.LegalRepresentative).HasMaxLength(InstitutionContact.MaxPersonLength);
        builder.Property(i => i.ContactPerson).HasMaxLength(InstitutionContact.MaxPersonLength);
        builder.Property(i => i.ContactPhone).HasMaxLength(InstitutionContact.MaxPhoneLength);
        builder.Ignore(i => i.ShouldSetUpInternalMedicalInstitution);
        builder.Ignore(i => i.Contact);
        builder.HasIndex(i => new { i.TenantId, i.CountyId, i.Name });

        // The admin list pages in name order (same reasoning as the medical directory).
        builder.HasIndex(i => new { i.TenantId, i.Name, i.Id });
        builder.HasIndex(i => i.Name).HasDatabaseName("ix_elder_care_institutions_name_trgm")
            .HasMethod("gin").HasOperators("gin_trgm_ops");

        // One record per legal entity: a re-import must not create a second one.
        builder.HasIndex(i => new { i.TenantId, i.CreditCode }).IsUnique().HasFilter("credit_code IS NOT NULL");
    }
}
