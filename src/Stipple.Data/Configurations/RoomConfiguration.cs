using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> builder)
    {
        builder.ToTable("rooms");
        builder.HasKey(r => new { r.StudioId, r.Id });
        // Mirrors the SQL foreign key so EF inserts parents first.
        builder.HasOne<Studio>().WithMany().HasForeignKey(r => r.StudioId);
    }
}
