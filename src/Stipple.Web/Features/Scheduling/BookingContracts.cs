using NodaTime;

namespace Stipple.Web.Features.Scheduling;

/// <summary>
/// Asks for complete schedules for a client's plan. Everything is optional: <see cref="Sessions"/> defaults to the
/// approved design's session count (else 3), <see cref="HealedReview"/> to true, <see cref="From"/> to today.
/// <see cref="Weekdays"/> are ISO day names ("Tuesday"); <see cref="EarliestStart"/>/<see cref="LatestStart"/> are local
/// times ("10:00"); <see cref="PractitionerId"/> is the practitioner the client would like. Preferences rank, never exclude.
/// </summary>
public sealed record PlanProposalRequest(
    Guid? ConsultationId = null,
    int? Sessions = null,
    bool? HealedReview = null,
    LocalDate? From = null,
    IReadOnlyList<IsoDayOfWeek>? Weekdays = null,
    LocalTime? EarliestStart = null,
    LocalTime? LatestStart = null,
    Guid? PractitionerId = null);

/// <summary>One appointment of a proposed or booked schedule.</summary>
/// <param name="Step">1-based: session 1, 2, 3…, then the healed review.</param>
/// <param name="Kind">first_session, follow_up_session, healed_review, consultation or touch_up.</param>
/// <param name="Label">The kind in words: "Session 1 of 3", "Healed review".</param>
/// <param name="PractitionerId">Who does it.</param>
/// <param name="PractitionerName">Their name.</param>
/// <param name="RoomId">The room (chair).</param>
/// <param name="RoomName">Its name.</param>
/// <param name="LocalStart">The studio's wall-clock start.</param>
/// <param name="Start">The start as an instant (what a booking request sends back).</param>
/// <param name="End">The end of the client's time (cleanup follows).</param>
public sealed record SlotDto(int Step, string Kind, string Label, Guid PractitionerId, string PractitionerName, Guid RoomId, string RoomName, LocalDateTime LocalStart, Instant Start, Instant End);

/// <summary>A complete schedule, with the ranking penalty (lower is better) and whether one practitioner does it all.</summary>
public sealed record ScheduleDto(IReadOnlyList<SlotDto> Slots, int Penalty, bool SamePractitioner);

/// <summary>What a plan is built from: the approved design (when there is one) and the session lengths booked.</summary>
/// <param name="ConsultationId">The consultation whose design it is, or null.</param>
/// <param name="DesignNumber">The approved design version, or null when none is approved.</param>
/// <param name="SessionCount">Sessions in the plan.</param>
/// <param name="Sessions">Per session: impressions placed and the estimated needling minutes at the studio's rate.</param>
public sealed record PlanBasisDto(Guid? ConsultationId, int? DesignNumber, int SessionCount, IReadOnlyList<PlanSessionBasisDto> Sessions);

/// <summary>One session of the design's plan: its impressions, estimated needling time and the time booked for it.</summary>
public sealed record PlanSessionBasisDto(int Session, int Impressions, double EstimatedMinutes, int BookedMinutes);

/// <summary>Proposed schedules, best first, with the screening gate for the first proposal's session days.</summary>
public sealed record PlanProposalsDto(int SessionCount, bool HealedReview, IReadOnlyList<ScheduleDto> Schedules, IReadOnlyList<string> Blockers);

/// <summary>One appointment chosen for booking: who, where and when (an instant, as a proposal gives it).</summary>
public sealed record SlotChoice(Guid PractitionerId, Guid RoomId, Instant Start);

/// <summary>
/// Books a plan: <see cref="Slots"/> are session 1, 2, … and, when <see cref="HealedReview"/>, the healed review last.
/// All are reserved in one transaction or none.
/// </summary>
public sealed record BookPlanRequest(IReadOnlyList<SlotChoice>? Slots, bool HealedReview = true, Guid? ConsultationId = null, string? Note = null);

/// <summary>Books one appointment outside a plan (a consultation, a touch-up) — the front desk's quick booking.</summary>
public sealed record BookAppointmentRequest(Guid ClientId, string? Kind, SlotChoice? Slot);

/// <summary>Moves an appointment (and may change practitioner or room; the current ones when null).</summary>
public sealed record RescheduleRequest(Instant? Start, Guid? PractitionerId = null, Guid? RoomId = null, string? Reason = null);

/// <summary>Why an appointment is cancelled (optional).</summary>
public sealed record CancelRequest(string? Reason = null);

/// <summary>An appointment as the API and pages show it.</summary>
public sealed record AppointmentDto(
    Guid Id,
    Guid ClientId,
    string ClientName,
    Guid? PlanId,
    int? Step,
    string Kind,
    string Label,
    Guid PractitionerId,
    string PractitionerName,
    Guid RoomId,
    string RoomName,
    LocalDateTime LocalStart,
    Instant Start,
    Instant End,
    string Status,
    bool LateNotice);

/// <summary>A booked plan and its appointments in order.</summary>
public sealed record BookedPlanDto(Guid PlanId, Guid ClientId, IReadOnlyList<AppointmentDto> Appointments);
