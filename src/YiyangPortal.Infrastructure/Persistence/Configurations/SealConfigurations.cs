using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Seals;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;
using YiyangPortal.Infrastructure.Seals;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class SealKeyRecordConfiguration : IEntityTypeConfiguration<SealKeyRecord>
{
    public void Configure(EntityTypeBuilder<SealKeyRecord> builder)
    {
        builder.ToTable("seal_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(k => k.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(k => k.Algorithm).HasConversion<string>().HasMaxLength(16);

        // The revocation list of an authority lists what it issued.
        builder.HasIndex(k => k.IssuerId);
    }
}

internal sealed class SealKeyRevocationConfiguration : IEntityTypeConfiguration<SealKeyRevocation>
{
    public void Configure(EntityTypeBuilder<SealKeyRevocation> builder)
    {
        builder.ToTable("seal_key_revocations");
        builder.HasKey(r => r.KeyId);
        builder.HasOne<SealKeyRecord>().WithOne().HasForeignKey<SealKeyRevocation>(r => r.KeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Reason).HasMaxLength(200);
    }
}

internal sealed class TenantSealAuthorityConfiguration : IEntityTypeConfiguration<TenantSealAuthority>
{
    public void Configure(EntityTypeBuilder<TenantSealAuthority> builder)
    {
        builder.ToTable("tenant_seal_authorities");
        builder.HasKey(a => a.TenantId);
        builder.HasOne<Tenant>().WithOne().HasForeignKey<TenantSealAuthority>(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Algorithm).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<SealKeyRecord>().WithMany().HasForeignKey(a => a.RootKeyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SealKeyRecord>().WithMany().HasForeignKey(a => a.IssuingKeyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InstitutionSealConfiguration : IEntityTypeConfiguration<InstitutionSeal>
{
    public void Configure(EntityTypeBuilder<InstitutionSeal> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SealKeyRecord>().WithMany().HasForeignKey(s => s.KeyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(s => s.Party).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ImageSource).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Algorithm).HasMaxLength(16);
        builder.Property(s => s.CertificateSubject).HasMaxLength(400);
        builder.Property(s => s.CertificateSerial).HasMaxLength(64);

        // One seal per institution: two first signatures at once collide here (the loser is told to try again).
        builder.HasIndex(s => new { s.Party, s.InstitutionId }).IsUnique();
    }
}

internal sealed class SealHolderConfiguration : IEntityTypeConfiguration<SealHolder>
{
    public void Configure(EntityTypeBuilder<SealHolder> builder)
    {
        builder.HasKey(h => h.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(h => h.Party).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(h => new { h.Party, h.InstitutionId, h.UserId }).IsUnique();
        builder.HasIndex(h => h.UserId);
    }
}

internal sealed class SealUseConfiguration : IEntityTypeConfiguration<SealUse>
{
    public void Configure(EntityTypeBuilder<SealUse> builder)
    {
        builder.HasKey(u => u.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InstitutionSeal>().WithMany().HasForeignKey(u => u.SealId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(u => u.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.Party).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.CertificateSerial).HasMaxLength(64);
        builder.Property(u => u.SignerName).HasMaxLength(100);
        builder.Property(u => u.DocumentNumber).HasMaxLength(40);
        builder.Property(u => u.ConfirmedSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(u => u.SealedSha256).HasMaxLength(64).IsFixedLength();
        builder.HasIndex(u => new { u.SealId, u.UsedAtUtc });
        builder.HasIndex(u => new { u.AgreementId, u.ConfirmedSha256 });
    }
}
