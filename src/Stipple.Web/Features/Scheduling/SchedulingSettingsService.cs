using Microsoft.EntityFrameworkCore;
using Stipple.Core.Scheduling;
using Stipple.Data;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Scheduling;

/// <summary>The studio's booking rules (<see cref="SchedulingSettings"/>): its stored values over the defaults.</summary>
public sealed class SchedulingSettingsService(StippleDbContext db)
{
    public async Task<SchedulingSettings> GetAsync(CancellationToken cancellationToken)
    {
        var json = await db.Studios.AsNoTracking().Select(s => s.SchedulingSettingsJson).SingleAsync(cancellationToken);
        return SchedulingJson.Read(json);
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
