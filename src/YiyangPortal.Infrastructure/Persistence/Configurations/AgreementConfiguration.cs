using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ElderCareInstitution>().WithMany().HasForeignKey(a => a.ElderCareInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MedicalInstitution>().WithMany().HasForeignKey(a => a.MedicalInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.RenewalOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(a => a.SupplementToId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Template).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.TerminatedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.DocumentNumber).HasMaxLength(40);
        builder.Property(a => a.ReturnReason).HasMaxLength(500);
        builder.Property(a => a.TerminationReason).HasMaxLength(500);
        builder.Property(a => a.TerminationKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.TerminationProposedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.TerminationProposalReason).HasMaxLength(500);
        builder.Ignore(a => a.PendingTermination);
        builder.Property(a => a.Terms).HasConversion(TermsJson.Converter).HasColumnType("jsonb");

        // A computed view of Items: left to convention, EF maps it as a second relationship (agreement_id1) and
        // refuses to materialise agreements, since a Where iterator is no collection.
        builder.Ignore(a => a.IncludedItems);

        // Likewise the signatures in force are computed from every signature made (SignatureHistory, append-only).
        builder.Ignore(a => a.Signatures);

        // Two users acting on one agreement at once: the second save fails and is told so (issue 4).
        builder.Property<uint>("xmin").IsRowVersion();

        builder.HasMany(a => a.Items).WithOne().HasForeignKey("AgreementId").IsRequired().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.SignatureHistory).WithOne().HasForeignKey("AgreementId").IsRequired().OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey("AgreementId").IsRequired().OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.SignatureHistory).HasField("_signatures").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(a => a.Events).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The history is part of every change (each new event takes the next position in it): an agreement is never
        // loaded without it, whoever loads it.
        builder.Navigation(a => a.Events).AutoInclude();

        builder.HasIndex(a => new { a.TenantId, a.DocumentNumber }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.ElderCareInstitutionId, a.Status });
        builder.HasIndex(a => new { a.TenantId, a.MedicalInstitutionId, a.Status });
        builder.HasIndex(a => new { a.TenantId, a.Status });

        // The regulators' coverage figures read (status, both parties) for every effective agreement: index-only.
        builder.HasIndex(a => new { a.TenantId, a.Status, a.ElderCareInstitutionId, a.MedicalInstitutionId })
            .HasDatabaseName("ix_agreements_coverage");

        // 续签 once: a second renewal of the same agreement is refused by the database, whatever the race.
        builder.HasIndex(a => a.RenewalOfId).IsUnique().HasFilter("renewal_of_id IS NOT NULL");
    }
}
