using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Data;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Scheduling;

/// <summary>The studio's booking rules (<see cref="SchedulingSettings"/>): its stored values over the defaults.</summary>
public sealed class SchedulingSettingsService(StippleDbContext db)
{
    public async Task<SchedulingSettings> GetAsync(CancellationToken cancellationToken) => (await GetWithZoneAsync(cancellationToken)).Settings;

    /// <summary>The studio's zone and booking rules, in one read.</summary>
    public async Task<(DateTimeZone Zone, SchedulingSettings Settings)> GetWithZoneAsync(CancellationToken cancellationToken)
    {
        var studio = await db.Studios.AsNoTracking().Select(s => new { s.TimeZone, s.SchedulingSettingsJson }).SingleAsync(cancellationToken);
        return (DateTimeZoneProviders.Tzdb.GetZoneOrNull(studio.TimeZone) ?? DateTimeZone.Utc, SchedulingJson.Read(studio.SchedulingSettingsJson));
    }

    public async Task<Result<SchedulingSettings>> SaveAsync(SchedulingSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new FieldErrors();
        foreach (var issue in settings.Validate())
        {
            errors.Add(issue.Field, issue.Message);
        }

        if (errors.Any)
        {
            return Result<SchedulingSettings>.Invalid(errors);
        }

        var studio = await db.Studios.SingleAsync(cancellationToken);
        studio.SetScheduling(SchedulingJson.Serialize(settings));
        await db.SaveChangesAsync(cancellationToken);
        return Result<SchedulingSettings>.Ok(settings);
    }
}
