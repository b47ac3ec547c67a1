using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class StudioConfiguration : IEntityTypeConfiguration<Studio>
{
    public void Configure(EntityTypeBuilder<Studio> builder)
    {
        builder.ToTable("studios");
        builder.HasKey(s => s.Id);
        builder.Ignore(s => s.Zone);
        builder.Ignore(s => s.Dilutions);
        builder.Property(s => s.Currency).IsFixedLength().HasMaxLength(3);
        builder.Property(s => s.ImpressionsPerMinute).HasPrecision(5, 1);
        builder.Property(s => s.ScreeningSettingsJson).HasColumnName("screening_settings").HasColumnType("jsonb");
        builder.Property(s => s.SchedulingSettingsJson).HasColumnName("scheduling_settings").HasColumnType("jsonb");
        builder.ComplexProperty(s => s.Address, address =>
        {
            address.Property(a => a.Line1).HasColumnName("address_line1");
            address.Property(a => a.Line2).HasColumnName("address_line2");
            address.Property(a => a.City).HasColumnName("city");
            address.Property(a => a.Region).HasColumnName("region");
            address.Property(a => a.PostalCode).HasColumnName("postal_code");
            address.Property(a => a.Country).HasColumnName("country");
            address.Ignore(a => a.OneLine);
        });
    }
}
