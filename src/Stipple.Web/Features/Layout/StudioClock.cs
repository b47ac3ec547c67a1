using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Stipple.Data;

namespace Stipple.Web.Features.Layout;

/// <summary>
/// The studio's local time: "today" and every date shown on a page is in the studio's IANA zone and locale, never the
/// server's.
/// </summary>
public sealed class StudioClock(StippleDbContext db, IClock clock)
{
    private DateTimeZone zone = DateTimeZone.Utc;
    private CultureInfo culture = CultureInfo.GetCultureInfo("en-GB");

    public DateTimeZone Zone => zone;

    /// <summary>The studio's locale, for the dates and times a page formats itself.</summary>
    public CultureInfo Culture => culture;

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var studio = await db.Studios.AsNoTracking().Select(s => new { s.TimeZone, s.Locale }).SingleOrDefaultAsync(cancellationToken);
        if (studio is not null)
        {
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(studio.TimeZone) ?? DateTimeZone.Utc;
            culture = CultureInfo.GetCultureInfo(studio.Locale);
        }
    }

    public ZonedDateTime Now => clock.GetCurrentInstant().InZone(zone);

    public LocalDate Today => Now.Date;

    public string FormatDate(LocalDate date) => LocalDatePattern.Create("dddd d MMMM yyyy", culture).Format(date);

    /// <summary>A date for tables and messages, e.g. "1 Oct 2026" (in the studio's language).</summary>
    public string FormatShortDate(LocalDate date) => LocalDatePattern.Create("d MMM yyyy", culture).Format(date);

    /// <summary>A wall-clock time in the studio: "Tuesday 3 March 2026, 10:00".</summary>
    public string FormatLocal(LocalDateTime local) => $"{FormatDate(local.Date)}, {local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public string FormatDateTime(Instant instant) =>
        instant.InZone(zone).ToString("d MMM yyyy HH:mm", culture);
}
