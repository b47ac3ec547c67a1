using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class PigmentLotConfiguration : IEntityTypeConfiguration<PigmentLot>
{
    public void Configure(EntityTypeBuilder<PigmentLot> builder)
    {
        builder.ToTable("pigment_lots");
        builder.HasKey(l => new { l.StudioId, l.Id });
        // Mirrors the SQL foreign key so EF inserts the pigment first.
        builder.HasOne<Pigment>().WithMany().HasForeignKey(l => new { l.StudioId, l.PigmentId });
        builder.Ignore(l => l.Label);
    }
}
