namespace Stipple.Web.Features.Calendar;

/// <summary>What the calendar's columns (or rows, in the week summary) are: practitioners or rooms.</summary>
public enum CalendarAxis
{
    Practitioner,

    Room,
}
