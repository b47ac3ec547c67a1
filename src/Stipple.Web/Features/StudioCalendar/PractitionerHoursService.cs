using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>
/// A member of staff's side of the calendar: whether they take bookings, their weekly working hours (none: the
/// studio's opening hours) and their time off, typed in the studio's local time. Who may change what is the caller's
/// business (owners anyone's; staff their own hours and time off).
/// </summary>
public sealed class PractitionerHoursService(StippleDbContext db, StudioScope scope, WeeklyHoursService hours, StudioClock studio, IClock clock)
{
    /// <summary>Time off may be at most this long (enter a longer absence as several).</summary>
    public const int MaxTimeOffDays = 366;

    public async Task<StaffCalendarDto?> FindAsync(Guid staffId, CancellationToken cancellationToken) =>
        await db.StaffUsers.AsNoTracking()
            .Where(u => u.Id == staffId)
            .Select(u => new StaffCalendarDto(u.Id, u.DisplayName, u.TakesBookings))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> SetTakesBookingsAsync(Guid staffId, bool takesBookings, CancellationToken cancellationToken)
    {
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == staffId, cancellationToken);
        if (user is null)
        {
            return false;
        }

        user.SetTakesBookings(takesBookings);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Replaces the member of staff's weekly hours (an empty list: the studio's hours again); missing when there is no such member.</summary>
    public async Task<Result<IReadOnlyList<HoursInterval>>> ReplaceHoursAsync(Guid staffId, IReadOnlyList<HoursInterval> intervals, CancellationToken cancellationToken) =>
        await ExistsAsync(staffId, cancellationToken)
            ? await hours.ReplaceAsync(staffId, intervals, cancellationToken)
            : Result<IReadOnlyList<HoursInterval>>.Missing();

    /// <summary>The member of staff's time off that ends after <paramref name="from"/>, earliest first.</summary>
    public async Task<IReadOnlyList<TimeOffDto>> TimeOffAsync(Guid staffId, Instant from, CancellationToken cancellationToken) =>
        await db.TimeOff.AsNoTracking()
            .Where(t => t.StaffId == staffId && t.EndsAt > from)
            .OrderBy(t => t.StartsAt)
            .Select(t => new TimeOffDto(t.Id, t.StartsAt, t.EndsAt, t.Reason))
            .ToListAsync(cancellationToken);

    /// <summary>Adds time off entered in the studio's local time (see <see cref="StudioLocalTime"/> for daylight-saving gaps and overlaps).</summary>
    public async Task<Result<TimeOffAdded>> AddTimeOffAsync(Guid staffId, TimeOffInput input, Guid? createdBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await ExistsAsync(staffId, cancellationToken))
        {
            return Result<TimeOffAdded>.Missing();
        }

        var errors = new FieldErrors();
        var starts = Local(input.StartsAt, "startsAt", "Start", errors);
        var ends = Local(input.EndsAt, "endsAt", "End", errors);
        if (input.Reason is { Length: > 120 })
        {
            errors.Add("reason", "Reason must be at most 120 characters.");
        }

        if (errors.Any || starts is not { } from || ends is not { } to)
        {
            return Result<TimeOffAdded>.Invalid(errors);
        }

        await studio.LoadAsync(cancellationToken);
        var zone = studio.Zone;
        var startsAt = StudioLocalTime.ToInstant(from, zone);
        var endsAt = StudioLocalTime.ToInstant(to, zone);
        if (endsAt <= startsAt)
        {
            return Result<TimeOffAdded>.Invalid("endsAt", "End must be after the start.");
        }

        if (endsAt - startsAt > Duration.FromDays(MaxTimeOffDays))
        {
            return Result<TimeOffAdded>.Invalid("endsAt", $"End must be within {MaxTimeOffDays} days of the start (enter a longer absence as several).");
        }

        var timeOff = TimeOff.Create(scope.Required, staffId, startsAt, endsAt, input.Reason, createdBy, clock.GetCurrentInstant());
        db.TimeOff.Add(timeOff);
        await db.SaveChangesAsync(cancellationToken);
        string?[] notes = [StudioLocalTime.Note(from, zone), StudioLocalTime.Note(to, zone)];
        return Result<TimeOffAdded>.Ok(new TimeOffAdded(
            new TimeOffDto(timeOff.Id, timeOff.StartsAt, timeOff.EndsAt, timeOff.Reason),
            [.. notes.OfType<string>()]));
    }

    /// <summary>Deletes the member of staff's time off; false when they have none with this id.</summary>
    public async Task<bool> DeleteTimeOffAsync(Guid staffId, Guid id, CancellationToken cancellationToken) =>
        await db.TimeOff.Where(t => t.StaffId == staffId && t.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private Task<bool> ExistsAsync(Guid staffId, CancellationToken cancellationToken) =>
        db.StaffUsers.AnyAsync(u => u.Id == staffId, cancellationToken);

    private static LocalDateTime? Local(string? text, string key, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(key, $"{label} is required.");
            return null;
        }

        var value = CalendarText.ParseDateTime(text);
        if (value is null)
        {
            errors.Add(key, $"{label} must be a date and time such as 2026-08-03T09:00.");
        }
        else if (!CalendarText.Plausible(value.Value.Date))
        {
            errors.Add(key, $"{label} must be between the years {CalendarText.MinYear} and {CalendarText.MaxYear}.");
            return null;
        }

        return value;
    }
}
