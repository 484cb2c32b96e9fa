using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Agreements;
using YiyangPortal.Domain.Fulfilment;
using YiyangPortal.Domain.Institutions;
using YiyangPortal.Domain.Tenancy;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class GreenChannelUseConfiguration : IEntityTypeConfiguration<GreenChannelUse>
{
    public void Configure(EntityTypeBuilder<GreenChannelUse> builder)
    {
        builder.HasKey(u => u.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ElderCareInstitution>().WithMany().HasForeignKey(u => u.ElderCareInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => new { u.ElderCareInstitutionId, u.UsedOn });
    }
}

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ElderCareInstitution>().WithMany().HasForeignKey(t => t.ElderCareInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.RecordedBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Topic).HasMaxLength(TrainingSession.MaxTopicLength);
        builder.HasIndex(t => new { t.ElderCareInstitutionId, t.HeldOn });

        // A clinic's own sessions (its training page lists them); null when the home recorded the session.
        builder.HasOne<MedicalInstitution>().WithMany().HasForeignKey(t => t.MedicalInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.MedicalInstitutionId, t.HeldOn });
    }
}

internal sealed class HealthCheckConfiguration : IEntityTypeConfiguration<HealthCheck>
{
    public void Configure(EntityTypeBuilder<HealthCheck> builder)
    {
        builder.HasKey(c => c.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ElderCareInstitution>().WithMany().HasForeignKey(c => c.ElderCareInstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.Ratio);
        builder.Property<uint>("xmin").IsRowVersion();

        // One per home and year: two first entries at once meet here and the second gets the conflict message.
        builder.HasIndex(c => new { c.ElderCareInstitutionId, c.Year }).IsUnique();
    }
}

internal sealed class AgreementEvaluationConfiguration : IEntityTypeConfiguration<AgreementEvaluation>
{
    public void Configure(EntityTypeBuilder<AgreementEvaluation> builder)
    {
        builder.HasKey(e => e.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agreement>().WithMany().HasForeignKey(e => e.AgreementId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(e => e.Party).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Comment).HasMaxLength(AgreementEvaluation.MaxCommentLength);
        builder.Ignore(e => e.Average);

        // Once per party and agreement year (ADR 037); a double submit or a race meets this index.
        builder.HasIndex(e => new { e.AgreementId, e.Year, e.Party }).IsUnique();
    }
}
