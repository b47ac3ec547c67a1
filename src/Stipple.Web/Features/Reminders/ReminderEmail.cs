using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Stipple.Core.Scheduling;

namespace Stipple.Web.Features.Reminders;

/// <summary>
/// The text of an appointment reminder. Times are in the client's zone (their own, else the studio's); when that differs
/// from the studio's, the studio's local time is given too and both zones are named. Day and month names follow the
/// studio's locale.
/// </summary>
public static class ReminderEmail
{
    public static (string Subject, string Body) Render(ReminderDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var culture = Culture(details.StudioLocale);
        var studioZone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(details.StudioTimeZone) ?? DateTimeZone.Utc;
        var clientZone = details.ClientTimeZone is { } id ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? studioZone : studioZone;
        var otherZone = !string.Equals(clientZone.Id, studioZone.Id, StringComparison.Ordinal);

        var start = details.Start.InZone(clientZone);
        var end = details.End.InZone(clientZone);
        var dayMonth = LocalDatePattern.Create("dddd d MMMM", culture);
        var fullDate = LocalDatePattern.Create("dddd d MMMM uuuu", culture);
        var time = LocalTimePattern.Create("t", culture);

        var subject = $"Reminder: {AppointmentWording.YourAppointment(details.Kind)} on {dayMonth.Format(start.Date)} at {time.Format(start.TimeOfDay)}";
        var body = new StringBuilder();
        body.Append("Hello ").Append(details.ClientGivenName).Append(",\n\n");
        body.Append("This is a reminder of ").Append(AppointmentWording.YourAppointment(details.Kind)).Append(" at ").Append(details.StudioName).Append(".\n\n");
        body.Append("What:  ").Append(AppointmentWording.Title(details.Kind, details.Step, details.PlanSessions)).Append('\n');
        body.Append("When:  ").Append(fullDate.Format(start.Date)).Append(", ").Append(time.Format(start.TimeOfDay)).Append('–').Append(time.Format(end.TimeOfDay));
        if (end.Date != start.Date)
        {
            body.Append(" (").Append(dayMonth.Format(end.Date)).Append(')');
        }

        if (otherZone)
        {
            var atStudio = details.Start.InZone(studioZone);
            body.Append(" your time (").Append(clientZone.Id).Append(")\n");
            body.Append("       That is ").Append(time.Format(atStudio.TimeOfDay)).Append(" on ").Append(dayMonth.Format(atStudio.Date))
                .Append(" at the studio (").Append(studioZone.Id).Append(").\n");
        }
        else
        {
            body.Append('\n');
        }

        body.Append("With:  ").Append(details.PractitionerName).Append('\n');
        body.Append("Where: ").Append(details.StudioName);
        if (details.StudioAddress.Length > 0)
        {
            body.Append(", ").Append(details.StudioAddress);
        }

        body.Append("\n\n");
        if (ServiceKinds.IsTreatment(details.Kind))
        {
            body.Append("Before your session:\n");
            foreach (var line in AppointmentWording.Preparation)
            {
                body.Append("- ").Append(line).Append('\n');
            }

            body.Append('\n');
        }

        body.Append(details.CancelNoticeHours > 0
            ? string.Create(CultureInfo.InvariantCulture, $"If you need to move or cancel it, please tell us at least {details.CancelNoticeHours} hours before it starts.\n")
            : "If you need to move or cancel it, please tell us as early as you can.\n");
        body.Append("\nSee you soon,\n").Append(details.StudioName).Append('\n');
        return (subject, body.ToString());
    }

    private static CultureInfo Culture(string locale)
    {
        try
        {
            return CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-GB");
        }
    }
}
