using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Data.Conversions;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

// The consultation tables (0004). Foreign keys mirror the SQL ones so EF inserts parents first; what happens on
// delete is the database's business (cascade, or set null on one column), so EF is told to do nothing to tracked rows.
internal sealed class ClientNoteConfiguration : IEntityTypeConfiguration<ClientNote>
{
    public void Configure(EntityTypeBuilder<ClientNote> builder)
    {
        builder.ToTable("client_notes");
        builder.HasKey(n => new { n.StudioId, n.Id });
        builder.HasOne<Client>().WithMany().HasForeignKey(n => new { n.StudioId, n.ClientId }).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class IntakeFormConfiguration : IEntityTypeConfiguration<IntakeForm>
{
    public void Configure(EntityTypeBuilder<IntakeForm> builder)
    {
        builder.ToTable("intake_forms");
        builder.HasKey(f => new { f.StudioId, f.Version });
        builder.Property(f => f.QuestionsJson).HasColumnName("questions").HasColumnType("jsonb");
    }
}

internal sealed class IntakeRecordConfiguration : IEntityTypeConfiguration<IntakeRecord>
{
    public void Configure(EntityTypeBuilder<IntakeRecord> builder)
    {
        builder.ToTable("intakes");
        builder.HasKey(i => new { i.StudioId, i.Id });
        builder.HasOne<Client>().WithMany().HasForeignKey(i => new { i.StudioId, i.ClientId }).OnDelete(DeleteBehavior.NoAction);
        builder.Property(i => i.AnswersJson).HasColumnName("answers").HasColumnType("jsonb");
        builder.Property(i => i.Source).HasConversion<IntakeSourceConverter>();
    }
}

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> builder)
    {
        builder.ToTable("consultations");
        builder.HasKey(c => new { c.StudioId, c.Id });
        builder.HasOne<Client>().WithMany().HasForeignKey(c => new { c.StudioId, c.ClientId }).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<IntakeRecord>().WithMany().HasForeignKey(c => new { c.StudioId, c.IntakeId }).OnDelete(DeleteBehavior.NoAction);
        builder.Property(c => c.ScreeningJson).HasColumnName("screening").HasColumnType("jsonb");
        builder.Ignore(c => c.PigmentDilution);
    }
}

internal sealed class ClientLinkConfiguration : IEntityTypeConfiguration<ClientLink>
{
    public void Configure(EntityTypeBuilder<ClientLink> builder)
    {
        builder.ToTable("client_links");
        builder.HasKey(l => new { l.StudioId, l.Id });
        builder.HasOne<Client>().WithMany().HasForeignKey(l => new { l.StudioId, l.ClientId }).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ScalpPhotoConfiguration : IEntityTypeConfiguration<ScalpPhoto>
{
    public void Configure(EntityTypeBuilder<ScalpPhoto> builder)
    {
        builder.ToTable("photos");
        builder.HasKey(p => new { p.StudioId, p.Id });
        builder.HasOne<Consultation>().WithMany().HasForeignKey(p => new { p.StudioId, p.ConsultationId }).OnDelete(DeleteBehavior.NoAction);
        builder.Property(p => p.Angle).HasConversion<PhotoAngleConverter>();
        builder.Property(p => p.Alignment).HasConversion<AlignmentHandlesConverter>().HasColumnType("double precision[]");
        builder.Ignore(p => p.DisplayWidth);
        builder.Ignore(p => p.DisplayHeight);
    }
}

internal sealed class ClearanceDocumentConfiguration : IEntityTypeConfiguration<ClearanceDocument>
{
    public void Configure(EntityTypeBuilder<ClearanceDocument> builder)
    {
        builder.ToTable("clearance_documents");
        builder.HasKey(d => new { d.StudioId, d.Id });
        builder.HasOne<Client>().WithMany().HasForeignKey(d => new { d.StudioId, d.ClientId }).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class ConsentTemplateConfiguration : IEntityTypeConfiguration<ConsentTemplate>
{
    public void Configure(EntityTypeBuilder<ConsentTemplate> builder)
    {
        builder.ToTable("consent_templates");
        builder.HasKey(t => new { t.StudioId, t.Id });
        builder.Property(t => t.Kind).HasConversion<ConsentKindConverter>();
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("consents");
        builder.HasKey(c => new { c.StudioId, c.Id });
        builder.HasOne<Client>().WithMany().HasForeignKey(c => new { c.StudioId, c.ClientId }).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<ConsentTemplate>().WithMany().HasForeignKey(c => new { c.StudioId, c.TemplateId }).OnDelete(DeleteBehavior.NoAction);
        builder.Property(c => c.Kind).HasConversion<ConsentKindConverter>();
    }
}
