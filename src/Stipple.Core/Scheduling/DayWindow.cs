namespace Stipple.Core.Scheduling;

/// <summary>
/// A span of whole days counted between two local calendar dates: the later date lies <see cref="MinDays"/> to
/// <see cref="MaxDays"/> days (inclusive) after the earlier. Calendar days in the studio's zone, so a window is the
/// same across a daylight-saving change (a day of 23 or 25 hours is still one day).
/// </summary>
public readonly record struct DayWindow(int MinDays, int MaxDays)
{
    /// <summary>Whether <paramref name="days"/> lies in the window.</summary>
    public bool Contains(int days) => days >= MinDays && days <= MaxDays;

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{MinDays}–{MaxDays} days");
}
