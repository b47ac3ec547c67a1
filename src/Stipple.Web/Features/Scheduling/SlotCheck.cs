using NodaTime;
using Stipple.Core.Scheduling;

namespace Stipple.Web.Features.Scheduling;

/// <summary>
/// Chosen slots checked and placed: <see cref="Outcome"/> is null when they can be booked, else the field errors or the
/// conflict; <see cref="FirstDay"/> is the first slot's local day (where alternatives start). A time out of range (past,
/// or too far ahead) fails before anything is loaded: then <see cref="Placed"/> is empty and <see cref="Calendar"/> unset.
/// </summary>
internal sealed record SlotCheck(BookingOutcome<object>? Outcome, LocalDate FirstDay, LoadedCalendar Calendar, IReadOnlyList<PlacedSession> Placed)
{
    public SchedulingSettings Settings => Calendar.Settings;
}
