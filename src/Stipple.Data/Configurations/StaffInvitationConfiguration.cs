using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class StaffInvitationConfiguration : IEntityTypeConfiguration<StaffInvitation>
{
    public void Configure(EntityTypeBuilder<StaffInvitation> builder)
    {
        builder.ToTable("staff_invitations");
        builder.HasKey(i => new { i.StudioId, i.Id });
        // Mirrors the SQL foreign key so EF inserts parents first.
        builder.HasOne<Studio>().WithMany().HasForeignKey(i => i.StudioId);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(i => new { i.StudioId, i.InvitedBy });
        builder.Property(i => i.Role).HasConversion<Conversions.StaffRoleConverter>();
    }
}
