using NodaTime;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Features.StudioCalendar;

namespace Stipple.Web.Features.Bookings;

/// <summary>What the client's appointments card shows.</summary>
public sealed record ClientAppointmentsView(Guid ClientId, IReadOnlyList<AppointmentDto> Upcoming, IReadOnlyList<AppointmentDto> Past, StudioClock Clock)
{
    public string When(LocalDateTime local) => $"{Clock.FormatShortDate(local.Date)} {CalendarText.FormatTime(local.TimeOfDay)}";

    public static string Status(AppointmentDto a) => a.Status switch
    {
        "no_show" => "No-show",
        "cancelled" => a.LateNotice ? "Cancelled late" : "Cancelled",
        "completed" => "Completed",
        _ => a.LateNotice ? "Booked (moved late)" : "Booked",
    };
}
