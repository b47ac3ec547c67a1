using Stipple.Web.Features.Scheduling;

namespace Stipple.Web.Features.Calendar;

/// <summary>An appointment placed on one day: its times in the studio's zone and who and where, ready to show.</summary>
public sealed record CalendarItem(
    CalendarEntry Entry,
    string TimeText,
    string? CleanupText,
    string PractitionerName,
    string RoomName)
{
    public string StatusText => AppointmentLabels.Status(Entry.Status);

    public string StatusClass => AppointmentLabels.StatusClass(Entry.Status);

    public string Url => "/Calendar/Appointment/" + Entry.Id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
}
