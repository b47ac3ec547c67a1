using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stipple.Data.Conversions;
using Stipple.Domain;

namespace Stipple.Data.Configurations;

// The scheduling tables (0007). The foreign keys only tell EF which row goes in first; deletes and overlaps are the
// database's business (exclusion constraints on appointments).
internal sealed class WeeklyHoursConfiguration : IEntityTypeConfiguration<WeeklyHours>
{
    public void Configure(EntityTypeBuilder<WeeklyHours> builder)
    {
        builder.ToTable("weekly_hours");
        builder.HasKey(h => new { h.StudioId, h.Id });
        builder.HasOne<Studio>().WithMany().HasForeignKey(h => h.StudioId);
        builder.Property(h => h.Weekday).HasConversion<short>();
    }
}

internal sealed class StudioClosureConfiguration : IEntityTypeConfiguration<StudioClosure>
{
    public void Configure(EntityTypeBuilder<StudioClosure> builder)
    {
        builder.ToTable("closures");
        builder.HasKey(c => new { c.StudioId, c.Id });
        builder.HasOne<Studio>().WithMany().HasForeignKey(c => c.StudioId);
    }
}

internal sealed class TimeOffConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.ToTable("time_off");
        builder.HasKey(t => new { t.StudioId, t.Id });
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(t => new { t.StudioId, t.StaffId }).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class TreatmentPlanConfiguration : IEntityTypeConfiguration<TreatmentPlan>
{
    public void Configure(EntityTypeBuilder<TreatmentPlan> builder)
    {
        builder.ToTable("treatment_plans");
        builder.HasKey(p => new { p.StudioId, p.Id });
        builder.HasOne<Client>().WithMany().HasForeignKey(p => new { p.StudioId, p.ClientId }).OnDelete(DeleteBehavior.NoAction);
        builder.Property(p => p.Status).HasConversion<SnakeCaseEnumConverter<TreatmentPlanStatus>>();
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("appointments");
        builder.HasKey(a => new { a.StudioId, a.Id });
        builder.HasOne<Client>().WithMany().HasForeignKey(a => new { a.StudioId, a.ClientId }).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<TreatmentPlan>().WithMany().HasForeignKey(a => new { a.StudioId, a.PlanId }).OnDelete(DeleteBehavior.NoAction);
        builder.Property(a => a.Kind).HasConversion<ServiceKindConverter>();
        builder.Property(a => a.Status).HasConversion<SnakeCaseEnumConverter<AppointmentStatus>>();
    }
}

internal sealed class AppointmentEventConfiguration : IEntityTypeConfiguration<AppointmentEvent>
{
    public void Configure(EntityTypeBuilder<AppointmentEvent> builder)
    {
        builder.ToTable("appointment_events");
        builder.HasKey(e => new { e.StudioId, e.Id });
        builder.HasOne<Appointment>().WithMany().HasForeignKey(e => new { e.StudioId, e.AppointmentId }).OnDelete(DeleteBehavior.NoAction);
        builder.Property(e => e.Kind).HasConversion<SnakeCaseEnumConverter<AppointmentEventKind>>();
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("calendar_feeds");
        builder.HasKey(f => new { f.StudioId, f.Id });
        builder.HasOne<Studio>().WithMany().HasForeignKey(f => f.StudioId);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox");
        builder.HasKey(m => new { m.StudioId, m.Id });
        builder.HasOne<Studio>().WithMany().HasForeignKey(m => m.StudioId);
        builder.Property(m => m.PayloadJson).HasColumnName("payload").HasColumnType("jsonb");
    }
}
