using NodaTime;
using NodaTime.Text;

namespace Stipple.Core.Care;

/// <summary>Date arithmetic for screening that never throws: ISO calendar, sums clamped to the representable range.</summary>
internal static class CareDates
{
    /// <summary>The date in the ISO calendar (intakes from JSON already are).</summary>
    public static LocalDate Iso(LocalDate date) => date.Calendar == CalendarSystem.Iso ? date : date.WithCalendar(CalendarSystem.Iso);

    /// <summary><paramref name="date"/> plus <paramref name="days"/> (≥ 0), clamped to <see cref="LocalDate.MaxIsoValue"/>.</summary>
    public static LocalDate PlusDaysClamped(LocalDate date, int days) =>
        Period.DaysBetween(date, LocalDate.MaxIsoValue) <= days ? LocalDate.MaxIsoValue : date.PlusDays(days);

    /// <summary>
    /// The first day on which someone born on <paramref name="birth"/> is <paramref name="years"/> old. A 29 February
    /// birthday counts from 1 March in common years (the later, stricter reading). Clamped to the representable range.
    /// </summary>
    public static LocalDate Anniversary(LocalDate birth, int years)
    {
        if (birth.Year > LocalDate.MaxIsoValue.Year - years)
        {
            return LocalDate.MaxIsoValue;
        }

        var day = birth.PlusYears(years);
        return birth.Month == 2 && birth.Day == 29 && day.Day == 28 ? day.PlusDays(1) : day;
    }

    /// <summary>Whole years from <paramref name="birth"/> to <paramref name="on"/>, by <see cref="Anniversary"/>.</summary>
    public static int AgeOn(LocalDate birth, LocalDate on)
    {
        var years = Period.Between(birth, on, PeriodUnits.Years).Years;

        // Period.Between counts a 29 February birthday from 28 February; step back a year on that day.
        return years > 0 && on < Anniversary(birth, years) ? years - 1 : years;
    }

    /// <summary>Days from <paramref name="from"/> to <paramref name="to"/> (negative when <paramref name="to"/> is earlier).</summary>
    public static int DaysBetween(LocalDate from, LocalDate to) => Period.DaysBetween(from, to);

    /// <summary>ISO <c>yyyy-MM-dd</c>, culture-invariant, for reasons and JSON.</summary>
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
