using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.ToTable("staff_users");
        builder.HasKey(u => new { u.StudioId, u.Id });
        // Mirrors the SQL foreign key so EF inserts parents first.
        builder.HasOne<Studio>().WithMany().HasForeignKey(u => u.StudioId);
        builder.Property(u => u.Role).HasConversion<Conversions.StaffRoleConverter>();
    }
}
