using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

internal sealed class ClientAccountConfiguration : IEntityTypeConfiguration<ClientAccount>
{
    public void Configure(EntityTypeBuilder<ClientAccount> builder)
    {
        builder.ToTable("client_accounts");
        builder.HasKey(a => new { a.StudioId, a.Id });
        // Mirrors the SQL foreign key so EF inserts parents first.
        builder.HasOne<Client>().WithMany().HasForeignKey(a => new { a.StudioId, a.ClientId });
    }
}
