using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Care;
using Stipple.Data;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Screening;

/// <summary>
/// Candidacy screening for the studio: its settings (the §13.1 numbers it may change), evaluating an intake on a day,
/// and the booking gate — whether a client may be booked for an SMP session on a day.
/// </summary>
public sealed class ScreeningService(StippleDbContext db, StudioClock clock)
{
    /// <summary>The studio's screening settings: its stored numbers over the defaults, and its minimum client age.</summary>
    public async Task<ScreeningSettings> SettingsAsync(CancellationToken cancellationToken)
    {
        var studio = await db.Studios.AsNoTracking().Select(s => new { s.MinClientAge, s.ScreeningSettingsJson }).SingleAsync(cancellationToken);
        return Read(studio.ScreeningSettingsJson) with { MinimumAge = studio.MinClientAge };
    }

    public async Task<Result<ScreeningSettings>> SaveSettingsAsync(ScreeningSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new FieldErrors();
        foreach (var issue in settings.Validate())
        {
            errors.Add(issue.Field, issue.Message);
        }

        if (errors.Any)
        {
            return Result<ScreeningSettings>.Invalid(errors);
        }

        var studio = await db.Studios.SingleAsync(cancellationToken);
        studio.SetScreening(settings.MinimumAge, JsonSerializer.Serialize(settings, CareJson.Options));
        await db.SaveChangesAsync(cancellationToken);
        return Result<ScreeningSettings>.Ok(settings);
    }

    /// <summary>Today in the studio's time zone.</summary>
    public async Task<LocalDate> TodayAsync(CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        return clock.Today;
    }

    /// <summary>Checks the intake and, when it is valid, screens it for <paramref name="on"/> with the studio's settings.</summary>
    public async Task<Result<ScreeningResult>> EvaluateAsync(Intake intake, LocalDate? on, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var today = await TodayAsync(cancellationToken);
        var errors = Check(intake, today);
        if (errors.Any)
        {
            return Result<ScreeningResult>.Invalid(errors);
        }

        return Result<ScreeningResult>.Ok(CandidacyScreening.Evaluate(intake, on ?? today, await SettingsAsync(cancellationToken)));
    }

    /// <summary>The intake validator's problems as field errors (JSON paths, e.g. <c>medications[0].stoppedOn</c>).</summary>
    public static FieldErrors Check(Intake intake, LocalDate today)
    {
        var errors = new FieldErrors();
        foreach (var issue in IntakeValidator.Validate(intake, today))
        {
            errors.Add(issue.Field, issue.Message);
        }

        return errors;
    }

    /// <summary>
    /// Whether the client may be booked for an SMP session on <paramref name="sessionDay"/>: their latest intake is
    /// screened for that day with today's settings. Consultations are always bookable; this answers for SMP sessions.
    /// </summary>
    public async Task<BookingGate?> GateAsync(Guid clientId, LocalDate sessionDay, CancellationToken cancellationToken) =>
        (await GatesAsync(clientId, [sessionDay], cancellationToken))?[0];

    /// <summary>
    /// <see cref="GateAsync"/> for each of <paramref name="sessionDays"/> (a plan's session days), reading the intake,
    /// settings and clearances once; null when the client is not found.
    /// </summary>
    public async Task<IReadOnlyList<BookingGate>?> GatesAsync(Guid clientId, IReadOnlyList<LocalDate> sessionDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessionDays);
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => new { c.Id }).SingleOrDefaultAsync(cancellationToken);
        if (client is null)
        {
            return null;
        }

        var latest = await db.Intakes.AsNoTracking().Where(i => i.ClientId == clientId).OrderByDescending(i => i.CreatedAt)
            .Select(i => new { i.AnswersJson, i.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return [.. sessionDays.Select(day => BookingGate.Blocked(day, null, ["No intake yet: screening must be done at a consultation before an SMP session is booked."], null))];
        }

        var intake = JsonSerializer.Deserialize<Intake>(latest.AnswersJson, CareJson.Options)!;
        var settings = await SettingsAsync(cancellationToken);
        var clearanceOnFile = await db.ClearanceDocuments.AnyAsync(d => d.ClientId == clientId && d.CreatedAt >= latest.CreatedAt, cancellationToken);
        return [.. sessionDays.Select(day => BookingGate.From(day, CandidacyScreening.Evaluate(intake, day, settings), clearanceOnFile))];
    }

    private static ScreeningSettings Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return ScreeningSettings.Default;
        }

        try
        {
            return JsonSerializer.Deserialize<ScreeningSettings>(json, CareJson.Options) ?? ScreeningSettings.Default;
        }
        catch (JsonException)
        {
            // Settings written by an older version that no longer read: fall back to the documented defaults.
            return ScreeningSettings.Default;
        }
    }
}
