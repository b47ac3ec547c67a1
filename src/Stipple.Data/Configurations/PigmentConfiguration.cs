using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class PigmentConfiguration : IEntityTypeConfiguration<Pigment>
{
    public void Configure(EntityTypeBuilder<Pigment> builder)
    {
        builder.ToTable("pigments");
        builder.HasKey(p => new { p.StudioId, p.Id });
        // Mirrors the SQL foreign key so EF inserts parents first.
        builder.HasOne<Studio>().WithMany().HasForeignKey(p => p.StudioId);
        builder.Property(p => p.Kind).HasConversion<Conversions.PigmentKindConverter>();
        builder.ComplexProperty(p => p.Swatch, lab =>
        {
            lab.Property(l => l.L).HasColumnName("swatch_l");
            lab.Property(l => l.A).HasColumnName("swatch_a");
            lab.Property(l => l.B).HasColumnName("swatch_b");
        });
        builder.Ignore(p => p.IsArchived);
        builder.Ignore(p => p.IsSelectable);
        builder.Ignore(p => p.Name);
    }
}
