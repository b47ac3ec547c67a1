using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Scheduling;

/// <summary>
/// What a booking returns: the booking, field errors, "not found", or a conflict — the time was taken (by a concurrent
/// request too) — with fresh alternatives.
/// </summary>
public sealed class BookingOutcome<T>
{
    private BookingOutcome(T? value, FieldErrors? errors, bool notFound, string? conflict, IReadOnlyList<ScheduleDto> alternatives)
    {
        Value = value;
        Errors = errors;
        NotFound = notFound;
        Conflict = conflict;
        Alternatives = alternatives;
    }

    public T? Value { get; }

    public FieldErrors? Errors { get; }

    public bool NotFound { get; }

    /// <summary>Why the booking conflicts, or null.</summary>
    public string? Conflict { get; }

    public IReadOnlyList<ScheduleDto> Alternatives { get; }

    public bool Succeeded => Errors is null && !NotFound && Conflict is null;

    public static BookingOutcome<T> Ok(T value) => new(value, null, false, null, []);

    public static BookingOutcome<T> Invalid(FieldErrors errors) => new(default, errors, false, null, []);

    public static BookingOutcome<T> Invalid(string field, string message)
    {
        var errors = new FieldErrors();
        errors.Add(field, message);
        return new(default, errors, false, null, []);
    }

    public static BookingOutcome<T> Missing() => new(default, null, true, null, []);

    /// <summary>This failure as an outcome of another type, a conflict carrying <paramref name="alternatives"/>.</summary>
    public BookingOutcome<TOther> As<TOther>(IReadOnlyList<ScheduleDto> alternatives) =>
        Conflict is not null ? BookingOutcome<TOther>.Conflicted(Conflict, alternatives)
            : NotFound ? BookingOutcome<TOther>.Missing()
            : BookingOutcome<TOther>.Invalid(Errors ?? new FieldErrors());

    public static BookingOutcome<T> Conflicted(string message, IReadOnlyList<ScheduleDto> alternatives) => new(default, null, false, message, alternatives);
}
