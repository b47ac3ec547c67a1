using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.ToTable("clients");
        builder.HasKey(c => new { c.StudioId, c.Id });
        // Mirrors the SQL foreign key so EF inserts parents first.
        builder.HasOne<Studio>().WithMany().HasForeignKey(c => c.StudioId);
        builder.Ignore(c => c.FullName);
    }
}
