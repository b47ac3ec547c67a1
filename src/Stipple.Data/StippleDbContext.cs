using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data.Configurations;
using Stipple.Data.Conversions;
using Stipple.Domain;

namespace Stipple.Data;

/// <summary>
/// The one DbContext. Feature services use it directly. The schema itself lives in Migrations/*.sql; this model only
/// maps onto it. Row-level security, not query filters, keeps studios apart.
/// </summary>
public sealed class StippleDbContext(DbContextOptions<StippleDbContext> options) : DbContext(options)
{
    public DbSet<Studio> Studios => Set<Studio>();

    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();

    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<ClientAccount> ClientAccounts => Set<ClientAccount>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Pigment> Pigments => Set<Pigment>();

    public DbSet<PigmentLot> PigmentLots => Set<PigmentLot>();

    public DbSet<ColourRecord> ColourRecords => Set<ColourRecord>();

    public DbSet<ColourModelFit> ColourModelFits => Set<ColourModelFit>();

    public DbSet<ClientNote> ClientNotes => Set<ClientNote>();

    public DbSet<IntakeForm> IntakeForms => Set<IntakeForm>();

    public DbSet<IntakeRecord> Intakes => Set<IntakeRecord>();

    public DbSet<Consultation> Consultations => Set<Consultation>();

    public DbSet<ClientLink> ClientLinks => Set<ClientLink>();

    public DbSet<ScalpPhoto> Photos => Set<ScalpPhoto>();

    public DbSet<ClearanceDocument> ClearanceDocuments => Set<ClearanceDocument>();

    public DbSet<ConsentTemplate> ConsentTemplates => Set<ConsentTemplate>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<DesignVersion> DesignVersions => Set<DesignVersion>();

    public DbSet<DesignApproval> DesignApprovals => Set<DesignApproval>();

    public DbSet<WeeklyHours> WeeklyHours => Set<WeeklyHours>();

    public DbSet<StudioClosure> Closures => Set<StudioClosure>();

    public DbSet<TimeOff> TimeOff => Set<TimeOff>();

    public DbSet<TreatmentPlan> TreatmentPlans => Set<TreatmentPlan>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<AppointmentEvent> AppointmentEvents => Set<AppointmentEvent>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        configurationBuilder.Properties<LocalTime>().HaveConversion<LocalTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new StudioConfiguration());
        modelBuilder.ApplyConfiguration(new StaffUserConfiguration());
        modelBuilder.ApplyConfiguration(new StaffInvitationConfiguration());
        modelBuilder.ApplyConfiguration(new RoomConfiguration());
        modelBuilder.ApplyConfiguration(new ClientConfiguration());
        modelBuilder.ApplyConfiguration(new ClientAccountConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
        modelBuilder.ApplyConfiguration(new PigmentConfiguration());
        modelBuilder.ApplyConfiguration(new PigmentLotConfiguration());
        modelBuilder.ApplyConfiguration(new ColourRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ColourModelFitConfiguration());
        modelBuilder.ApplyConfiguration(new ClientNoteConfiguration());
        modelBuilder.ApplyConfiguration(new IntakeFormConfiguration());
        modelBuilder.ApplyConfiguration(new IntakeRecordConfiguration());
        modelBuilder.ApplyConfiguration(new ConsultationConfiguration());
        modelBuilder.ApplyConfiguration(new ClientLinkConfiguration());
        modelBuilder.ApplyConfiguration(new ScalpPhotoConfiguration());
        modelBuilder.ApplyConfiguration(new ClearanceDocumentConfiguration());
        modelBuilder.ApplyConfiguration(new ConsentTemplateConfiguration());
        modelBuilder.ApplyConfiguration(new ConsentConfiguration());
        modelBuilder.ApplyConfiguration(new DesignVersionConfiguration());
        modelBuilder.ApplyConfiguration(new DesignApprovalConfiguration());
        modelBuilder.ApplyConfiguration(new WeeklyHoursConfiguration());
        modelBuilder.ApplyConfiguration(new StudioClosureConfiguration());
        modelBuilder.ApplyConfiguration(new TimeOffConfiguration());
        modelBuilder.ApplyConfiguration(new TreatmentPlanConfiguration());
        modelBuilder.ApplyConfiguration(new AppointmentConfiguration());
        modelBuilder.ApplyConfiguration(new AppointmentEventConfiguration());
        modelBuilder.ApplyConfiguration(new CalendarFeedConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());

        // Columns are snake_case, as the SQL files spell them; explicit names (complex properties) are kept.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                if (string.Equals(property.GetColumnName(), property.Name, StringComparison.Ordinal))
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }
        }
    }

    internal static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
