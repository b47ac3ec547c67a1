using System.Globalization;
using NodaTime;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>
/// The weekly hours table (studio or practitioner): seven rows, Monday first, each open or closed with at least two
/// interval slots (more when the saved hours have more). Inputs are named <c>Week.Days[d].Slots[s].Opens</c>; errors
/// are keyed the same way.
/// </summary>
public sealed class WeekInput
{
    /// <summary>The form prefix of the table's inputs.</summary>
    public const string Prefix = "Week";

    /// <summary>Every day shows at least this many interval slots.</summary>
    public const int MinSlots = 2;

    public IList<DayInput> Days { get; set; } = [];

    public static WeekInput From(IReadOnlyList<HoursInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        var week = new WeekInput();
        for (var weekday = 1; weekday <= 7; weekday++)
        {
            var slots = intervals.Where(i => i.Weekday == weekday).Select(i => new SlotInput { Opens = i.Opens, Closes = i.Closes }).ToList();
            week.Days.Add(new DayInput { Open = slots.Count > 0, Slots = slots });
        }

        return week.Normalised();
    }

    /// <summary>
    /// The table as posted. Read by name rather than by model binding, which stops at the first missing index: a form
    /// that leaves out a day must leave that day closed, not drop every day after it.
    /// </summary>
    public static WeekInput Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var week = new WeekInput();
        for (var d = 0; d < 7; d++)
        {
            var open = form[string.Create(CultureInfo.InvariantCulture, $"{Prefix}.Days[{d}].Open")];
            var day = new DayInput { Open = open.Any(v => string.Equals(v, "true", StringComparison.OrdinalIgnoreCase) || string.Equals(v, "on", StringComparison.OrdinalIgnoreCase)) };
            for (var s = 0; s < WeeklyHoursService.MaxPerDay; s++)
            {
                var opens = form[Key(d, s, "Opens")];
                var closes = form[Key(d, s, "Closes")];
                if (s < MinSlots || opens.Count > 0 || closes.Count > 0)
                {
                    day.Slots.Add(new SlotInput { Opens = opens.FirstOrDefault(), Closes = closes.FirstOrDefault() });
                }
            }

            week.Days.Add(day);
        }

        return week.Normalised();
    }

    /// <summary>Seven days, each with at least <see cref="MinSlots"/> slots (a posted form may have left some out).</summary>
    public WeekInput Normalised()
    {
        Days = [.. Days.Take(7)];
        while (Days.Count < 7)
        {
            Days.Add(new DayInput());
        }

        foreach (var day in Days)
        {
            day.Slots = [.. day.Slots.Take(WeeklyHoursService.MaxPerDay)];
            while (day.Slots.Count < MinSlots)
            {
                day.Slots.Add(new SlotInput());
            }
        }

        return this;
    }

    public static string Key(int day, int slot, string part) => string.Create(CultureInfo.InvariantCulture, $"{Prefix}.Days[{day}].Slots[{slot}].{part}");

    /// <summary>
    /// The intervals of the open days' filled slots, in table order, with each one's form key prefix in
    /// <paramref name="keys"/> (to put the service's <c>intervals[i]…</c> errors back beside their inputs). An open day
    /// without a time is an error in <paramref name="errors"/>, keyed by its first slot.
    /// </summary>
    public IReadOnlyList<HoursInterval> ToIntervals(ICollection<(int Day, int Slot)> keys, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(errors);
        var intervals = new List<HoursInterval>();
        for (var d = 0; d < Days.Count; d++)
        {
            var day = Days[d];
            if (!day.Open)
            {
                continue;
            }

            if (day.Slots.All(s => s.IsBlank))
            {
                errors.Add(Key(d, 0, "Opens"), $"{CalendarText.DayName((IsoDayOfWeek)(d + 1))} is open: enter its opening and closing times, or untick Open.");
                continue;
            }

            for (var s = 0; s < day.Slots.Count; s++)
            {
                if (!day.Slots[s].IsBlank)
                {
                    intervals.Add(new HoursInterval(d + 1, day.Slots[s].Opens, day.Slots[s].Closes));
                    keys.Add((d, s));
                }
            }
        }

        return intervals;
    }

    /// <summary>The form key for one of <see cref="WeeklyHoursService"/>'s error keys (<c>intervals[3].closes</c>); "" for the table as a whole.</summary>
    public static string KeyFor(string serviceKey, IReadOnlyList<(int Day, int Slot)> keys)
    {
        ArgumentNullException.ThrowIfNull(serviceKey);
        ArgumentNullException.ThrowIfNull(keys);
        if (serviceKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return serviceKey; // already a field of the week form
        }

        const string Start = "intervals[";
        var close = serviceKey.IndexOf(']', StringComparison.Ordinal);
        if (!serviceKey.StartsWith(Start, StringComparison.Ordinal) || close < 0
            || !int.TryParse(serviceKey.AsSpan(Start.Length, close - Start.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || index >= keys.Count)
        {
            return "";
        }

        var (day, slot) = keys[index];
        return Key(day, slot, serviceKey.EndsWith(".closes", StringComparison.Ordinal) ? "Closes" : "Opens");
    }
}
