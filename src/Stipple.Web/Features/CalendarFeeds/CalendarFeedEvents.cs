using System.Globalization;
using System.Text;
using Stipple.Core.Scheduling;
using Stipple.Domain;
using Stipple.Web.Features.Reminders;

namespace Stipple.Web.Features.CalendarFeeds;

/// <summary>
/// An appointment as a VEVENT. A practitioner's feed names the client, room and plan note; a client's feed shows only
/// their own appointment, the studio, the practitioner and how to prepare, never anything about another client.
/// </summary>
internal static class CalendarFeedEvents
{
    public static ICalendarEvent ForPractitioner(CalendarFeedRow row, Studio studio, string baseUrl)
    {
        var title = AppointmentWording.Title(row.Kind, row.Step, row.PlanSessions);
        var description = new StringBuilder()
            .Append("Client: ").Append(row.ClientName).Append('\n')
            .Append(title).Append(" in ").Append(row.RoomName).Append('\n');
        if (row.PlanNote.Length > 0)
        {
            description.Append("Plan note: ").Append(row.PlanNote).Append('\n');
        }

        description.Append("Client record: ").Append(baseUrl).Append("/Clients/").Append(row.ClientId.ToString("D", CultureInfo.InvariantCulture));
        return Event(row, $"{title} – {row.ClientName}", $"{row.RoomName}, {studio.Name}", description.ToString());
    }

    public static ICalendarEvent ForClient(CalendarFeedRow row, Studio studio, SchedulingSettings settings)
    {
        var title = AppointmentWording.Title(row.Kind, row.Step, row.PlanSessions);
        var address = studio.Address.OneLine;
        var description = new StringBuilder().Append("With ").Append(row.PractitionerName).Append(" at ").Append(studio.Name).Append(".\n");
        if (ServiceKinds.IsTreatment(row.Kind))
        {
            description.Append("\nBefore your session:\n");
            foreach (var line in AppointmentWording.Preparation)
            {
                description.Append("- ").Append(line).Append('\n');
            }
        }

        if (settings.CancelNoticeHours > 0)
        {
            description.Append(CultureInfo.InvariantCulture, $"\nTo move or cancel, please tell us at least {settings.CancelNoticeHours} hours before.");
        }

        return Event(row, $"{title} at {studio.Name}", address.Length > 0 ? $"{studio.Name}, {address}" : studio.Name, description.ToString().TrimEnd());
    }

    private static ICalendarEvent Event(CalendarFeedRow row, string summary, string location, string description)
    {
        var cancelled = row.Status == AppointmentStatus.Cancelled;
        return new ICalendarEvent(
            row.Id.ToString("D", CultureInfo.InvariantCulture) + "@stipple",
            row.Start,
            row.End,
            cancelled ? "Cancelled: " + summary : summary,
            location,
            description,
            cancelled ? ICalendarEventStatus.Cancelled : ICalendarEventStatus.Confirmed,
            row.Revisions);
    }
}
