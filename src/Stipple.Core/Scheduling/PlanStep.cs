using NodaTime;

namespace Stipple.Core.Scheduling;

/// <summary>
/// One appointment of a plan to place. <see cref="Length"/> is the client's time in the chair; <see cref="Buffer"/>
/// (cleanup) follows it and keeps the practitioner and room busy too. <see cref="AfterPrevious"/> is the window in local
/// calendar days after the previous step's day (null for the first step). <see cref="NotBefore"/> and
/// <see cref="NotAfter"/> bound the step's local day absolutely (used when one session of a booked plan moves and its
/// neighbours stay).
/// </summary>
public sealed record PlanStep(
    ServiceKind Kind,
    Duration Length,
    Duration Buffer,
    DayWindow? AfterPrevious = null,
    LocalDate? NotBefore = null,
    LocalDate? NotAfter = null);
