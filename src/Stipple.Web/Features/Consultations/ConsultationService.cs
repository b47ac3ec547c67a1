using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Stipple.Core.Care;
using Stipple.Core.Colour;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Features.Clients;
using Stipple.Web.Features.Screening;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Consultations;

/// <summary>Consultations: start one, read it with its intake and screening, notes, and the pigment chosen.</summary>
public sealed class ConsultationService(StippleDbContext db, StudioScope scope, IClock clock, ScreeningService screening)
{
    public async Task<IReadOnlyList<ConsultationSummary>> ListForClientAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var rows = await (from c in db.Consultations.AsNoTracking()
                          where c.ClientId == clientId
                          join s in db.StaffUsers.AsNoTracking() on c.PractitionerId equals s.Id into staff
                          from practitioner in staff.DefaultIfEmpty()
                          orderby c.HeldOn descending, c.CreatedAt descending
                          select new { c.Id, c.ClientId, c.HeldOn, Practitioner = practitioner == null ? null : practitioner.DisplayName, c.ScreeningOutcome })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ConsultationSummary(r.Id, r.ClientId, r.HeldOn, r.Practitioner, ParseOutcome(r.ScreeningOutcome))).ToList();
    }

    public async Task<Result<ConsultationSummary>> StartAsync(Guid clientId, ConsultationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return Result<ConsultationSummary>.Missing();
        }

        var errors = new FieldErrors();
        var heldOn = await screening.TodayAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(input.HeldOn))
        {
            if (LocalDatePattern.Iso.Parse(input.HeldOn.Trim()) is { Success: true } parsed)
            {
                heldOn = parsed.Value;
            }
            else
            {
                errors.Add("heldOn", "must be a date like 2026-11-21.");
            }
        }

        string? practitioner = null;
        if (input.PractitionerId is { } practitionerId)
        {
            practitioner = await db.StaffUsers.AsNoTracking().Where(s => s.Id == practitionerId && s.Role != StaffRole.FrontDesk)
                .Select(s => s.DisplayName).SingleOrDefaultAsync(cancellationToken);
            if (practitioner is null)
            {
                errors.Add("practitionerId", "is not a practitioner or owner of this studio.");
            }
        }

        if (errors.Any)
        {
            return Result<ConsultationSummary>.Invalid(errors);
        }

        var consultation = Consultation.Create(scope.Required, clientId, heldOn, input.PractitionerId, clock.GetCurrentInstant());
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ConsultationSummary>.Ok(new ConsultationSummary(consultation.Id, clientId, heldOn, practitioner, null));
    }

    public async Task<ConsultationDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await (from c in db.Consultations.AsNoTracking()
                         where c.Id == id
                         join client in db.Clients.AsNoTracking() on c.ClientId equals client.Id
                         join s in db.StaffUsers.AsNoTracking() on c.PractitionerId equals s.Id into staff
                         from practitioner in staff.DefaultIfEmpty()
                         join i in db.Intakes.AsNoTracking() on c.IntakeId equals i.Id into intakes
                         from intake in intakes.DefaultIfEmpty()
                         join p in db.Pigments.AsNoTracking() on c.PigmentId equals p.Id into pigments
                         from pigment in pigments.DefaultIfEmpty()
                         select new
                         {
                             Consultation = c,
                             Client = new ClientDto(client.Id, client.GivenName, client.FamilyName, client.Email, client.Phone, client.DateOfBirth, client.CreatedAt),
                             Practitioner = practitioner == null ? null : practitioner.DisplayName,
                             IntakeJson = intake == null ? null : intake.AnswersJson,
                             IntakeAt = intake == null ? (Instant?)null : intake.CreatedAt,
                             PigmentName = pigment == null ? null : pigment.Manufacturer + " " + pigment.Product,
                         }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var found = row.Consultation;
        return new ConsultationDetails(
            found.Id, row.Client, found.HeldOn, found.PractitionerId, row.Practitioner, found.IntakeId, row.IntakeAt,
            row.IntakeJson is null ? null : JsonSerializer.Deserialize<Intake>(row.IntakeJson, CareJson.Options),
            found.ScreeningJson is null ? null : JsonSerializer.Deserialize<ScreeningResult>(found.ScreeningJson, CareJson.Options),
            found.Notes, found.PigmentId, row.PigmentName, found.PigmentDilution);
    }

    public async Task<Result<string?>> SaveNotesAsync(Guid id, string? notes, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null)
        {
            return Result<string?>.Missing();
        }

        var errors = new FieldErrors();
        errors.Check(() => Guard.Optional(notes, "notes", 8000));
        if (errors.Any)
        {
            return Result<string?>.Invalid(errors);
        }

        consultation.SetNotes(notes, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return Result<string?>.Ok(consultation.Notes);
    }

    /// <summary>Records the pigment recommendation chosen at the consultation (or clears it with no pigment).</summary>
    public async Task<Result<PigmentChoiceInput>> ChoosePigmentAsync(Guid id, PigmentChoiceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null)
        {
            return Result<PigmentChoiceInput>.Missing();
        }

        Dilution? dilution = null;
        if (input.PigmentId is { } pigmentId)
        {
            var kind = await db.Pigments.AsNoTracking().Where(p => p.Id == pigmentId && p.ArchivedAt == null).Select(p => (PigmentKind?)p.Kind).SingleOrDefaultAsync(cancellationToken);
            if (kind is null)
            {
                return Result<PigmentChoiceInput>.Invalid("pigmentId", "is not a pigment in this studio's catalogue.");
            }

            if (!kind.Value.IsSelectable())
            {
                return Result<PigmentChoiceInput>.Invalid("pigmentId", "is tattoo ink, which is never used for SMP.");
            }

            if (!Dilution.TryParse(input.Dilution, out var parsed, out var error))
            {
                return Result<PigmentChoiceInput>.Invalid("dilution", error ?? "must be pigment:water, e.g. 1:2.");
            }

            dilution = parsed;
        }

        consultation.ChoosePigment(input.PigmentId, dilution, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return Result<PigmentChoiceInput>.Ok(input with { Dilution = dilution?.ToString() });
    }

    private static ScreeningOutcome? ParseOutcome(string? text) => Enum.TryParse<ScreeningOutcome>(text, out var outcome) ? outcome : null;
}
