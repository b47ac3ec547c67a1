using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => new { k.StudioId, k.Id });
        // Mirrors the SQL foreign key so EF inserts parents first.
        builder.HasOne<Studio>().WithMany().HasForeignKey(k => k.StudioId);
        builder.Ignore(k => k.IsActive);
    }
}
