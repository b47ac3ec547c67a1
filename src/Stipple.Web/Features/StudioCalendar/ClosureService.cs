using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>The studio's closures (holidays, a refit): whole local days on which nothing is booked.</summary>
public sealed class ClosureService(StippleDbContext db, StudioScope scope)
{
    /// <summary>Closures that end on or after <paramref name="from"/>, earliest first.</summary>
    public async Task<IReadOnlyList<ClosureDto>> ListAsync(LocalDate from, CancellationToken cancellationToken) =>
        await db.Closures.AsNoTracking()
            .Where(c => c.EndsOn >= from)
            .OrderBy(c => c.StartsOn).ThenBy(c => c.EndsOn)
            .Select(c => new ClosureDto(c.Id, c.StartsOn, c.EndsOn, c.Reason))
            .ToListAsync(cancellationToken);

    public async Task<Result<ClosureDto>> AddAsync(ClosureInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var startsOn = Date(input.StartsOn, "startsOn", "First day", errors);
        var endsOn = string.IsNullOrWhiteSpace(input.EndsOn) ? startsOn : Date(input.EndsOn, "endsOn", "Last day", errors);
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add("reason", "Reason is required (for example Christmas or Refit).");
        }

        StudioClosure? closure = null;
        if (!errors.Any && startsOn is { } first && endsOn is { } last)
        {
            closure = errors.Check(() => StudioClosure.Create(scope.Required, first, last, input.Reason));
        }

        if (errors.Any || closure is null)
        {
            return Result<ClosureDto>.Invalid(errors);
        }

        db.Closures.Add(closure);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ClosureDto>.Ok(new ClosureDto(closure.Id, closure.StartsOn, closure.EndsOn, closure.Reason));
    }

    /// <summary>Deletes the closure; false when there is none with this id in the studio.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Closures.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private static LocalDate? Date(string? text, string key, string label, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(key, $"{label} is required.");
            return null;
        }

        var date = CalendarText.ParseDate(text);
        if (date is null)
        {
            errors.Add(key, $"{label} must be a date such as 2026-12-25.");
        }
        else if (!CalendarText.Plausible(date.Value))
        {
            errors.Add(key, $"{label} must be between the years {CalendarText.MinYear} and {CalendarText.MaxYear}.");
            return null;
        }

        return date;
    }
}
