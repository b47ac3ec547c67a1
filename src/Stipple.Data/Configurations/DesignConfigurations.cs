using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

// The design tables (0006). As for the consultation tables, the foreign keys only tell EF which row goes in first;
// deletes are the database's business. The SQL key of an approval also names its consultation, so it cannot point at
// another consultation's version.
internal sealed class DesignVersionConfiguration : IEntityTypeConfiguration<DesignVersion>
{
    public void Configure(EntityTypeBuilder<DesignVersion> builder)
    {
        builder.ToTable("design_versions");
        builder.HasKey(v => new { v.StudioId, v.Id });
        builder.HasOne<Consultation>().WithMany().HasForeignKey(v => new { v.StudioId, v.ConsultationId }).OnDelete(DeleteBehavior.NoAction);
        builder.Property(v => v.DocumentJson).HasColumnName("document").HasColumnType("jsonb");
    }
}

internal sealed class DesignApprovalConfiguration : IEntityTypeConfiguration<DesignApproval>
{
    public void Configure(EntityTypeBuilder<DesignApproval> builder)
    {
        builder.ToTable("design_approvals");
        builder.HasKey(a => new { a.StudioId, a.Id });
        builder.HasOne<DesignVersion>().WithMany().HasForeignKey(a => new { a.StudioId, a.VersionId }).OnDelete(DeleteBehavior.NoAction);
    }
}
