using NodaTime;
using Stipple.Core.Care;

namespace Stipple.Web.Features.Screening;

/// <summary>
/// The answer to "may this client have an SMP session on this day?": allowed, or blocked with the reasons in plain
/// words and, for a dated deferral, the first day it becomes possible.
/// </summary>
public sealed record BookingGate(LocalDate SessionDay, bool Allowed, ScreeningOutcome? Outcome, IReadOnlyList<string> Reasons, LocalDate? AllowedFrom)
{
    public static BookingGate Blocked(LocalDate day, ScreeningOutcome? outcome, IReadOnlyList<string> reasons, LocalDate? from) =>
        new(day, false, outcome, reasons, from);

    /// <summary>
    /// Hard stops block always; a dated deferral blocks until its date; an open-ended deferral blocks until the
    /// condition has resolved (a new intake says so); a needed medical clearance blocks until a clearance document is
    /// on file.
    /// </summary>
    public static BookingGate From(LocalDate day, ScreeningResult result, bool clearanceOnFile)
    {
        ArgumentNullException.ThrowIfNull(result);
        var blocking = result.Findings
            .Where(f => f.Outcome is ScreeningOutcome.HardStop or ScreeningOutcome.DeferUntil
                || (f.Outcome == ScreeningOutcome.NeedsMedicalClearance && !clearanceOnFile))
            .ToList();
        if (blocking.Count == 0)
        {
            return new BookingGate(day, true, result.Overall, [], null);
        }

        var reasons = blocking.Select(f => f.Outcome switch
        {
            ScreeningOutcome.NeedsMedicalClearance => $"{f.Reason} Upload the doctor's clearance to book.",
            _ => f.Reason,
        }).ToList();
        var hard = blocking.Exists(f => f.Outcome == ScreeningOutcome.HardStop || (f.Outcome == ScreeningOutcome.DeferUntil && f.Until is null));
        var from = hard || blocking.Exists(f => f.Outcome == ScreeningOutcome.NeedsMedicalClearance)
            ? (LocalDate?)null
            : blocking.Max(f => f.Until);
        return Blocked(day, blocking.Max(f => f.Outcome), reasons, from);
    }
}
