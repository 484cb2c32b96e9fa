using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class SupervisionNoticeConfiguration : IEntityTypeConfiguration<SupervisionNotice>
{
    public void Configure(EntityTypeBuilder<SupervisionNotice> builder)
    {
        builder.HasKey(n => n.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(n => n.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(n => n.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(n => n.Bureau).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Addressee).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Body).HasMaxLength(SupervisionNotice.MaxBodyLength);
        builder.Property(n => n.Response).HasMaxLength(SupervisionNotice.MaxResponseLength);
        // Two users of the party answering at once: the second gets a conflict, never a second answer.
        builder.Property<uint>("xmin").IsRowVersion();
        builder.HasIndex(n => new { n.AgreementId, n.SentAtUtc });
    }
}
