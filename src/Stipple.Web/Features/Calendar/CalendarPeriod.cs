namespace Stipple.Web.Features.Calendar;

/// <summary>How much time the calendar shows: one day, or a week from Monday (studio-local).</summary>
public enum CalendarPeriod
{
    Day,

    Week,
}
