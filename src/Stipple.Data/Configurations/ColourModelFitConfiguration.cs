using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class ColourModelFitConfiguration : IEntityTypeConfiguration<ColourModelFit>
{
    public void Configure(EntityTypeBuilder<ColourModelFit> builder)
    {
        builder.ToTable("colour_models");
        builder.HasKey(f => f.StudioId);
        // Mirrors the SQL foreign key so EF inserts the studio first.
        builder.HasOne<Studio>().WithOne().HasForeignKey<ColourModelFit>(f => f.StudioId);
        builder.Property(f => f.ParametersJson).HasColumnName("parameters").HasColumnType("jsonb");
    }
}
