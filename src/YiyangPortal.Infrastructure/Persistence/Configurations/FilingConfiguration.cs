using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Filings;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class FilingConfiguration : IEntityTypeConfiguration<Filing>
{
    public void Configure(EntityTypeBuilder<Filing> builder)
    {
        builder.HasKey(f => f.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(f => f.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<County>().WithMany().HasForeignKey(f => f.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(f => f.Bureau).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(20).HasDefaultValue(FilingKind.Signing).ValueGeneratedNever();
        builder.Property(f => f.ReturnReason).HasMaxLength(500);
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasMany(f => f.History).WithOne().HasForeignKey("FilingId").IsRequired().OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(f => f.History).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The regulators' queue (bureau, county, state) and the daily sweep (state, due date). The two instants make
        // it cover the dashboard's figures (states, overdue, days to file): an index-only scan, no heap (issue 6).
        builder.HasIndex(f => new { f.TenantId, f.Bureau, f.CountyId, f.Status, f.DueDate })
            .IncludeProperties(f => new { f.SignedAtUtc, f.FirstSubmittedAtUtc });
        builder.HasIndex(f => new { f.TenantId, f.Status, f.DueDate });

        // A bureau's whole list, oldest due first, one page at a time (100,000 filings: no sort of them all).
        builder.HasIndex(f => new { f.TenantId, f.Bureau, f.DueDate, f.Id });
        builder.HasIndex(f => new { f.AgreementId, f.Kind, f.Bureau, f.CountyId }).IsUnique();
    }
}
