using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.ToTable("users");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ElderCareInstitution>().WithMany().HasForeignKey(u => u.ElderCareInstitutionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MedicalInstitution>().WithMany().HasForeignKey(u => u.MedicalInstitutionId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<County>().WithMany().HasForeignKey(u => u.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.DisplayName).HasMaxLength(50).IsRequired();
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Bureau).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(u => u.Assignment);

        // Identity makes user names globally unique; here they are unique per tenant (staff@… may exist in two
        // cities). NULLS NOT DISTINCT keeps platform users (no tenant) unique among themselves too.
        var nameIndex = builder.Metadata.GetIndexes()
            .Single(i => i.Properties.Count == 1 && i.Properties[0].Name == nameof(PortalUser.NormalizedUserName));
        builder.Metadata.RemoveIndex(nameIndex);
        builder.HasIndex(u => new { u.TenantId, u.NormalizedUserName }).IsUnique().AreNullsDistinct(false);
    }
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> builder) => builder.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> builder) => builder.ToTable("user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> builder) => builder.ToTable("user_tokens");
}
