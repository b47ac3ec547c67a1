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
    /// The gate for the day <paramref name="result"/> was screened for: what blocks is
    /// <see cref="ScreeningResult.BlocksSmpSession"/>'s answer (hard stops always; deferrals until their date or, with
    /// none, until resolved; a needed medical clearance until a clearance document is on file).
    /// </summary>
    public static BookingGate From(LocalDate day, ScreeningResult result, bool clearanceOnFile)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.BlocksSmpSession(clearanceOnFile) is not { } block)
        {
            return new BookingGate(day, true, result.Overall, [], null);
        }

        var reasons = block.Findings.Select(f => f.Outcome == ScreeningOutcome.NeedsMedicalClearance
            ? $"{f.Reason} Upload the doctor's clearance to book."
            : f.Reason).ToList();
        return Blocked(day, block.Outcome, reasons, block.Until);
    }
}
