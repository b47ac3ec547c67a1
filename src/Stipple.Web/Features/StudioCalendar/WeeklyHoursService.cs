using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>
/// Weekly hours: the studio's opening hours (staff null) or one member of staff's working hours. A save checks every
/// interval (errors name <c>intervals[i].opens</c> and so on), then replaces the owner's rows in one transaction; the
/// database's exclusion constraint is the backstop against overlaps.
/// </summary>
public sealed class WeeklyHoursService(StippleDbContext db, StudioScope scope)
{
    /// <summary>At most this many intervals on one day (a day with three breaks).</summary>
    public const int MaxPerDay = 4;

    public async Task<IReadOnlyList<HoursInterval>> GetAsync(Guid? staffId, CancellationToken cancellationToken)
    {
        var rows = await Rows(staffId).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.OrderBy(h => h.Weekday).ThenBy(h => h.Opens).Select(h => new HoursInterval((int)h.Weekday, CalendarText.FormatTime(h.Opens), CalendarText.FormatTime(h.Closes)))];
    }

    /// <summary>The studio's opening hours with its time zone.</summary>
    public async Task<StudioHoursDto> StudioAsync(CancellationToken cancellationToken) =>
        new(await db.Studios.AsNoTracking().Select(s => s.TimeZone).SingleAsync(cancellationToken), await GetAsync(null, cancellationToken));

    /// <summary>Replaces every interval of the owner's week; an empty list means closed all week (studio) or "the studio's hours" (staff).</summary>
    public async Task<Result<IReadOnlyList<HoursInterval>>> ReplaceAsync(Guid? staffId, IReadOnlyList<HoursInterval>? intervals, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var parsed = Check(intervals, errors);
        if (errors.Any)
        {
            return Result<IReadOnlyList<HoursInterval>>.Invalid(errors);
        }

        var studioId = scope.Required;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One save of weekly hours at a time per studio: a second waits here, then replaces what the first saved
        // (without the lock, its delete would miss the first's new rows and the two sets would clash).
        await db.Database.ExecuteSqlAsync($"select 1 from studios where id = {studioId} for update", cancellationToken);
        await Rows(staffId).ExecuteDeleteAsync(cancellationToken);
        db.WeeklyHours.AddRange(parsed.Select(p => WeeklyHours.Create(studioId, staffId, p.Day, p.Opens, p.Closes)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ExclusionViolation })
        {
            db.ChangeTracker.Clear();
            return Result<IReadOnlyList<HoursInterval>>.Invalid("intervals", "Two intervals on the same day overlap.");
        }

        await transaction.CommitAsync(cancellationToken);
        return Result<IReadOnlyList<HoursInterval>>.Ok(await GetAsync(staffId, cancellationToken));
    }

    /// <summary>The intervals, checked: each names its weekday and quarter-hour times, and none overlaps another on its day.</summary>
    public static IReadOnlyList<(IsoDayOfWeek Day, LocalTime Opens, LocalTime Closes)> Check(IReadOnlyList<HoursInterval>? intervals, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (intervals is null)
        {
            errors.Add("intervals", "List the week's intervals (an empty list means none).");
            return [];
        }

        if (intervals.Count > 7 * MaxPerDay)
        {
            errors.Add("intervals", string.Create(CultureInfo.InvariantCulture, $"Give at most {MaxPerDay} intervals a day."));
            return [];
        }

        var accepted = new List<(IsoDayOfWeek Day, LocalTime Opens, LocalTime Closes)>();
        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            var key = string.Create(CultureInfo.InvariantCulture, $"intervals[{i}]");
            if (interval is null)
            {
                errors.Add(key, "Give the weekday, opening and closing time.");
                continue;
            }

            var ok = true;
            if (interval.Weekday is < 1 or > 7)
            {
                errors.Add($"{key}.weekday", "Weekday must be 1 (Monday) to 7 (Sunday).");
                ok = false;
            }

            var opens = Time(interval.Opens, $"{key}.opens", "Opening time", errors);
            var closes = Time(interval.Closes, $"{key}.closes", "Closing time", errors);
            if (opens is not { } from || closes is not { } to || !ok)
            {
                continue;
            }

            if (to <= from)
            {
                errors.Add($"{key}.closes", "Closing time must be after the opening time (hours cannot cross midnight).");
                continue;
            }

            var day = (IsoDayOfWeek)interval.Weekday;
            var clash = accepted.FindIndex(a => a.Day == day && a.Opens < to && from < a.Closes);
            if (clash >= 0)
            {
                var other = accepted[clash];
                errors.Add($"{key}.opens", $"{CalendarText.DayName(day)} {CalendarText.FormatTime(from)}–{CalendarText.FormatTime(to)} overlaps {CalendarText.FormatTime(other.Opens)}–{CalendarText.FormatTime(other.Closes)}.");
                continue;
            }

            if (accepted.Count(a => a.Day == day) >= MaxPerDay)
            {
                errors.Add(key, string.Create(CultureInfo.InvariantCulture, $"{CalendarText.DayName(day)} has more than {MaxPerDay} intervals."));
                continue;
            }

            accepted.Add((day, from, to));
        }

        return accepted;
    }

    private static LocalTime? Time(string? text, string key, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(key, $"{label} is required.");
            return null;
        }

        if (CalendarText.ParseTime(text) is not { } time)
        {
            errors.Add(key, $"{label} must be a time such as 09:00 or 17:30.");
            return null;
        }

        if (time.Minute % 15 != 0 || time.Second != 0 || time.TickOfSecond != 0)
        {
            errors.Add(key, $"{label} must be on a quarter hour (:00, :15, :30 or :45).");
            return null;
        }

        return time;
    }

    private IQueryable<WeeklyHours> Rows(Guid? staffId) =>
        staffId is { } id ? db.WeeklyHours.Where(h => h.StaffId == id) : db.WeeklyHours.Where(h => h.StaffId == null);
}
