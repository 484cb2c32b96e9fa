using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YiyangPortal.Domain.Notifications;
using YiyangPortal.Domain.Tenancy;
using YiyangPortal.Infrastructure.Identity;

namespace YiyangPortal.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(n => n.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PortalUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength);

        // ADR 046: the title as a template (the localization key) and its arguments; null on rows from before.
        builder.Property(n => n.TitleTemplate).HasColumnName("title_template");
        builder.Property(n => n.TitleArguments).HasColumnName("title_args").HasColumnType("jsonb");
        builder.Property(n => n.Link).HasMaxLength(200);
        builder.HasIndex(n => new { n.UserId, n.CreatedAtUtc });
    }
}
