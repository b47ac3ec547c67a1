using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class ColourRecordConfiguration : IEntityTypeConfiguration<ColourRecord>
{
    public void Configure(EntityTypeBuilder<ColourRecord> builder)
    {
        builder.ToTable("colour_records");
        builder.HasKey(r => new { r.StudioId, r.Id });
        // Mirror the SQL foreign keys so EF inserts parents first. The database itself restricts deleting a used lot and
        // nulls client_id when a client is erased; EF does nothing to tracked rows for either.
        builder.HasOne<Pigment>().WithMany().HasForeignKey(r => new { r.StudioId, r.PigmentId });
        builder.HasOne<PigmentLot>().WithMany().HasForeignKey(r => new { r.StudioId, r.LotId }).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<Client>().WithMany().HasForeignKey(r => new { r.StudioId, r.ClientId }).OnDelete(DeleteBehavior.NoAction);
        builder.ComplexProperty(r => r.Dilution, d =>
        {
            d.Property(x => x.PigmentParts).HasColumnName("pigment_parts");
            d.Property(x => x.WaterParts).HasColumnName("water_parts");
        });
        builder.ComplexProperty(r => r.Skin, lab =>
        {
            lab.Property(l => l.L).HasColumnName("skin_l");
            lab.Property(l => l.A).HasColumnName("skin_a");
            lab.Property(l => l.B).HasColumnName("skin_b");
        });
        builder.ComplexProperty(r => r.Healed, lab =>
        {
            lab.Property(l => l.L).HasColumnName("healed_l");
            lab.Property(l => l.A).HasColumnName("healed_a");
            lab.Property(l => l.B).HasColumnName("healed_b");
        });
    }
}
