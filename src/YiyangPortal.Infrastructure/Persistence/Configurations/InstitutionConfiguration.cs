using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

/// <summary>The columns and indexes both kinds of institution share; each kind adds its own.</summary>
internal static class InstitutionConfiguration
{
    public static void ConfigureInstitution<T>(this EntityTypeBuilder<T> builder, string table)
        where T : Institution
    {
        builder.HasKey(i => i.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<County>().WithMany().HasForeignKey(i => i.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Name).HasMaxLength(100).IsRequired();
        builder.Property(i => i.Address).HasMaxLength(InstitutionContact.MaxAddressLength);
        builder.Property(i => i.CreditCode).HasMaxLength(18);
        builder.Property(i => i.LegalRepresentative).HasMaxLength(InstitutionContact.MaxPersonLength);
        builder.Property(i => i.ContactPerson).HasMaxLength(InstitutionContact.MaxPersonLength);
        builder.Property(i => i.ContactPhone).HasMaxLength(InstitutionContact.MaxPhoneLength);
        builder.Ignore(i => i.Contact);

        // One record per legal entity: a re-import must not create a second one.
        builder.HasIndex(i => new { i.TenantId, i.CreditCode }).IsUnique().HasFilter("credit_code IS NOT NULL");
        builder.HasIndex(i => new { i.TenantId, i.CountyId, i.Name });

        // ADR 051: one active institution of a name per county (a deactivated duplicate does not block), so the
        // regulators' counts and the account forms' lists see each institution once; and two admins editing one
        // record at once: the second save is refused (xmin is PostgreSQL's row version).
        builder.HasIndex(i => new { i.TenantId, i.CountyId, i.Name }, $"ux_{table}_active_name").IsUnique().HasFilter("is_active")
            .HasDatabaseName($"ux_{table}_active_name");
        builder.Property<uint>("xmin").IsRowVersion();

        // The register and directory pages in name order: the first page is an index range scan, not a sort of the
        // whole city.
        builder.HasIndex(i => new { i.TenantId, i.Name, i.Id });

        // Name search is a substring match (ILIKE '%塔山%'); trigrams make it an index lookup.
        builder.HasIndex(i => i.Name).HasDatabaseName($"ix_{table}_name_trgm").HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
