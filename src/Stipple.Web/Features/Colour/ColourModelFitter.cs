using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Colour;
using Stipple.Data;
using Stipple.Data.Tenancy;

namespace Stipple.Web.Features.Colour;

/// <summary>
/// Refits the studio's appearance model from all its healed results (Calibration.Run) and stores it, whenever a result
/// is saved or deleted or a recorded pigment's swatch changes.
/// </summary>
public sealed class ColourModelFitter(StippleDbContext db, StudioScope scope, IClock clock)
{
    public async Task RefitAsync(CancellationToken cancellationToken)
    {
        // One refit at a time per studio: the studio row is locked, so a refit always reads every result committed
        // before it and the last one to store its fit has seen them all (no stale fit can overwrite a newer one).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlInterpolatedAsync($"select 1 from studios where id = {scope.Required} for update", cancellationToken);
        var rows = await (
            from r in db.ColourRecords.AsNoTracking()
            join p in db.Pigments.AsNoTracking() on r.PigmentId equals p.Id
            orderby r.CreatedAt, r.Id
            select new { p.Swatch, r.Dilution, r.Skin, r.Healed })
            .ToListAsync(cancellationToken);
        var result = Calibration.Run([.. rows.Select(r => new CalibrationRecord(r.Swatch, r.Dilution, r.Skin, r.Healed))], AppearanceParameters.Default);
        var now = clock.GetCurrentInstant();
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            insert into colour_models (studio_id, parameters, record_count, held_out_error_default, held_out_error_fitted, fitted_at)
            values ({scope.Required}, {result.Parameters.ToJson()}::jsonb, {result.RecordCount}, {result.HeldOutErrorBefore}, {result.HeldOutErrorAfter}, {now.ToDateTimeOffset()})
            on conflict (studio_id) do update set parameters = excluded.parameters, record_count = excluded.record_count,
                held_out_error_default = excluded.held_out_error_default, held_out_error_fitted = excluded.held_out_error_fitted,
                fitted_at = excluded.fitted_at
            """,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
