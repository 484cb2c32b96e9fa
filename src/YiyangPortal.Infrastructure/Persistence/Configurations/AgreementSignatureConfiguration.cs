using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class AgreementSignatureConfiguration : IEntityTypeConfiguration<AgreementSignature>
{
    public void Configure(EntityTypeBuilder<AgreementSignature> builder)
    {
        builder.ToTable("agreement_signatures");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Party).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.SignerName).HasMaxLength(30);
        builder.Property(s => s.SignerTitle).HasMaxLength(30);
        builder.Property(s => s.ClientIp).HasMaxLength(45);
        builder.Property(s => s.DocumentSha256).HasMaxLength(64).IsFixedLength();
    }
}
