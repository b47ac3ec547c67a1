using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Stipple.Core.Colour;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Features.Colour;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Pigments;

/// <summary>
/// The studio's pigment catalogue and lots. Another studio's pigment is simply not found: row-level security hides it.
/// "Today" (for which lots are expired) is the studio's, in its time zone.
/// </summary>
public sealed class PigmentService(StippleDbContext db, StudioScope scope, IClock clock, StudioClock studioClock, ColourModelFitter fitter)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<PigmentDto>> ListAsync(string? search, bool includeArchived, CancellationToken cancellationToken)
    {
        var query = db.Pigments.AsNoTracking();
        if (!includeArchived)
        {
            query = query.Where(p => p.ArchivedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{EscapeLike(search.Trim())}%";
            query = query.Where(p => EF.Functions.ILike(p.Manufacturer + " " + p.Product, pattern, "\\")
                || db.PigmentLots.Any(l => l.PigmentId == p.Id && EF.Functions.ILike(l.LotNumber, pattern, "\\")));
        }

        var pigments = await query.OrderBy(p => p.ArchivedAt != null).ThenBy(p => p.Manufacturer).ThenBy(p => p.Product)
            .Take(PageSize).ToListAsync(cancellationToken);
        return await ToDtosAsync(pigments, cancellationToken);
    }

    public async Task<PigmentDto?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var pigment = await db.Pigments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        return pigment is null ? null : (await ToDtosAsync([pigment], cancellationToken))[0];
    }

    public async Task<PigmentLotDto?> GetLotAsync(Guid id, Guid lotId, CancellationToken cancellationToken) =>
        (await GetAsync(id, cancellationToken))?.Lots.FirstOrDefault(l => l.Id == lotId);

    public async Task<Result<PigmentDto>> CreateAsync(PigmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await studioClock.LoadAsync(cancellationToken);
        var errors = new FieldErrors();
        var fields = Validate(input, null, errors);
        var lots = new List<LotFields>();
        for (var i = 0; i < (input.Lots?.Count ?? 0); i++)
        {
            if (input.Lots![i] is null)
            {
                errors.Add($"lots[{i}]", "Each lot must be an object with at least lotNumber and expiresOn.");
            }
            else if (PigmentInputs.Lot(input.Lots[i], studioClock.Today, $"lots[{i}].", errors) is { } lot)
            {
                if (lots.Exists(l => string.Equals(l.LotNumber, lot.LotNumber, StringComparison.Ordinal)))
                {
                    errors.Add($"lots[{i}].lotNumber", $"Lot {lot.LotNumber} is listed twice.");
                }

                lots.Add(lot);
            }
        }

        if (fields is not null && await ProductTakenAsync(null, fields.Value.Manufacturer, fields.Value.Product, cancellationToken))
        {
            errors.Add("product", Taken(fields.Value.Manufacturer, fields.Value.Product));
        }

        if (errors.Any || fields is not { } f)
        {
            return Result<PigmentDto>.Invalid(errors);
        }

        var now = clock.GetCurrentInstant();
        var pigment = Pigment.Create(scope.Required, Guid.NewGuid(), f.Manufacturer, f.Product, f.Kind, f.Swatch, f.Notes, now);
        db.Pigments.Add(pigment);
        db.PigmentLots.AddRange(lots.Select(l => PigmentLot.Create(scope.Required, Guid.NewGuid(), pigment.Id, l.LotNumber, l.ExpiresOn, l.ReceivedOn, l.Label, now)));
        return await SaveAsync(pigment, "product", Taken(f.Manufacturer, f.Product), cancellationToken);
    }

    public async Task<Result<PigmentDto>> UpdateAsync(Guid id, PigmentInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pigment = await db.Pigments.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pigment is null)
        {
            return Result<PigmentDto>.Missing();
        }

        var errors = new FieldErrors();
        var fields = Validate(input, pigment.Swatch, errors);
        if (fields is not null && await ProductTakenAsync(id, fields.Value.Manufacturer, fields.Value.Product, cancellationToken))
        {
            errors.Add("product", Taken(fields.Value.Manufacturer, fields.Value.Product));
        }

        if (errors.Any || fields is not { } f)
        {
            return Result<PigmentDto>.Invalid(errors);
        }

        var swatchChanged = pigment.Swatch != f.Swatch;
        pigment.Update(f.Manufacturer, f.Product, f.Kind, f.Swatch, f.Notes, clock.GetCurrentInstant());
        var saved = await SaveAsync(pigment, "product", Taken(f.Manufacturer, f.Product), cancellationToken);
        if (saved.Succeeded && swatchChanged && await db.ColourRecords.AnyAsync(r => r.PigmentId == id, cancellationToken))
        {
            // Calibration predicts recorded results from the pigment's swatch: a new swatch means a new fit.
            await fitter.RefitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Archives (hides from the list and from matching) or brings back a pigment; its lots and records stay.</summary>
    public async Task<Result<PigmentDto>> SetArchivedAsync(Guid id, bool archived, CancellationToken cancellationToken)
    {
        var pigment = await db.Pigments.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pigment is null)
        {
            return Result<PigmentDto>.Missing();
        }

        if (archived)
        {
            pigment.Archive(clock.GetCurrentInstant());
        }
        else
        {
            pigment.Unarchive(clock.GetCurrentInstant());
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result<PigmentDto>.Ok((await GetAsync(id, cancellationToken))!);
    }

    public async Task<Result<PigmentLotDto>> AddLotAsync(Guid id, LotInput input, CancellationToken cancellationToken) =>
        await SaveLotAsync(id, null, input, cancellationToken);

    public async Task<Result<PigmentLotDto>> UpdateLotAsync(Guid id, Guid lotId, LotInput input, CancellationToken cancellationToken) =>
        await SaveLotAsync(id, lotId, input, cancellationToken);

    /// <summary>Deletes a lot recorded by mistake; refused (error on <c>lot</c>) when a colour record names it.</summary>
    public async Task<Result<PigmentLotDto>> DeleteLotAsync(Guid id, Guid lotId, CancellationToken cancellationToken)
    {
        var lot = await db.PigmentLots.FirstOrDefaultAsync(l => l.Id == lotId && l.PigmentId == id, cancellationToken);
        if (lot is null)
        {
            return Result<PigmentLotDto>.Missing();
        }

        var used = await db.ColourRecords.CountAsync(r => r.LotId == lotId, cancellationToken);
        if (used > 0)
        {
            return Result<PigmentLotDto>.Invalid("lot", InUse(lot.LotNumber, used));
        }

        db.PigmentLots.Remove(lot);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // A colour record was added for the lot since the count above.
            return Result<PigmentLotDto>.Invalid("lot", InUse(lot.LotNumber, 1));
        }

        return Result<PigmentLotDto>.Ok(ToLotDto(lot, false, 0));
    }

    /// <summary>
    /// Pigments the matcher may recommend on <paramref name="today"/> (the studio's date): SMP and PMU pigments that are
    /// not archived (tattoo ink never: smp-facts §5.4, §13.3), each with its lots in date on that day, soonest expiry
    /// first. A pigment with no lot in date is still listed, with no lots.
    /// </summary>
    public async Task<IReadOnlyList<SelectablePigment>> SelectableAsync(LocalDate today, CancellationToken cancellationToken)
    {
        var pigments = await db.Pigments.AsNoTracking()
            .Where(p => p.ArchivedAt == null && (p.Kind == PigmentKind.Smp || p.Kind == PigmentKind.Pmu))
            .OrderBy(p => p.Manufacturer).ThenBy(p => p.Product)
            .ToListAsync(cancellationToken);
        var ids = pigments.Select(p => p.Id).ToList();
        var lots = (await db.PigmentLots.AsNoTracking().Where(l => ids.Contains(l.PigmentId)).ToListAsync(cancellationToken))
            .Where(l => !l.IsExpiredOn(today))
            .OrderBy(l => l.ExpiresOn).ThenBy(l => l.LotNumber, StringComparer.Ordinal)
            .ToLookup(l => l.PigmentId);
        return [.. pigments.Where(p => p.IsSelectable).Select(p => new SelectablePigment(
            p.Id, p.Manufacturer, p.Product, p.Kind, p.Swatch, [.. lots[p.Id].Select(l => new SelectableLot(l.Id, l.LotNumber, l.ExpiresOn))]))];
    }

    /// <summary>
    /// Null when <paramref name="lotId"/> may be used for <paramref name="pigmentId"/> on <paramref name="on"/> (or is
    /// null: no lot chosen); otherwise an error on <paramref name="field"/> saying why: no such lot, a lot of another
    /// pigment, or expired before that day ("Lot 24-118 expired on 1 Oct 2026; choose a lot in date.").
    /// </summary>
    public async Task<FieldErrors?> CheckLotAsync(Guid pigmentId, Guid? lotId, LocalDate on, string field, CancellationToken cancellationToken)
    {
        if (lotId is not { } id)
        {
            return null;
        }

        var lot = await db.PigmentLots.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        string? message = null;
        if (lot is null)
        {
            message = "No such lot; choose one of this pigment's lots in date.";
        }
        else if (lot.PigmentId != pigmentId)
        {
            message = $"Lot {lot.LotNumber} is a lot of another pigment; choose one of this pigment's lots.";
        }
        else if (lot.IsExpiredOn(on))
        {
            await studioClock.LoadAsync(cancellationToken);
            message = $"Lot {lot.LotNumber} expired on {studioClock.FormatShortDate(lot.ExpiresOn)}; choose a lot in date.";
        }

        if (message is null)
        {
            return null;
        }

        var errors = new FieldErrors();
        errors.Add(field, message);
        return errors;
    }

    private async Task<Result<PigmentLotDto>> SaveLotAsync(Guid id, Guid? lotId, LotInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Pigments.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return Result<PigmentLotDto>.Missing();
        }

        var lot = lotId is { } existing ? await db.PigmentLots.FirstOrDefaultAsync(l => l.Id == existing && l.PigmentId == id, cancellationToken) : null;
        if (lotId is not null && lot is null)
        {
            return Result<PigmentLotDto>.Missing();
        }

        await studioClock.LoadAsync(cancellationToken);
        var errors = new FieldErrors();
        var fields = PigmentInputs.Lot(input, studioClock.Today, "", errors);
        if (fields is not null && await db.PigmentLots.AnyAsync(l => l.PigmentId == id && l.LotNumber == fields.LotNumber && l.Id != lotId, cancellationToken))
        {
            errors.Add("lotNumber", LotTaken(fields.LotNumber));
        }

        if (errors.Any || fields is null)
        {
            return Result<PigmentLotDto>.Invalid(errors);
        }

        if (lot is null)
        {
            lot = PigmentLot.Create(scope.Required, Guid.NewGuid(), id, fields.LotNumber, fields.ExpiresOn, fields.ReceivedOn, fields.Label, clock.GetCurrentInstant());
            db.PigmentLots.Add(lot);
        }
        else
        {
            lot.Update(fields.LotNumber, fields.ExpiresOn, fields.ReceivedOn, fields.Label);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Result<PigmentLotDto>.Invalid("lotNumber", LotTaken(fields.LotNumber));
        }

        var records = await db.ColourRecords.CountAsync(r => r.LotId == lot.Id, cancellationToken);
        return Result<PigmentLotDto>.Ok(ToLotDto(lot, lot.IsExpiredOn(studioClock.Today), records));
    }

    private static (string Manufacturer, string Product, PigmentKind Kind, Lab Swatch, string? Notes)? Validate(PigmentInput input, Lab? current, FieldErrors errors)
    {
        var manufacturer = errors.Check(() => Guard.Required(input.Manufacturer, "manufacturer", Pigment.MaxNameLength));
        var product = errors.Check(() => Guard.Required(input.Product, "product", Pigment.MaxNameLength));
        var kind = PigmentInputs.Kind(input.Kind, errors);
        var swatch = PigmentInputs.Swatch(input, current, errors);
        var notes = errors.Check(() => Guard.Optional(input.Notes, "notes", Pigment.MaxNotesLength));
        return manufacturer is null || product is null || kind is null || swatch is null ? null : (manufacturer, product, kind.Value, swatch.Value, notes);
    }

    private async Task<bool> ProductTakenAsync(Guid? id, string manufacturer, string product, CancellationToken cancellationToken)
    {
        // Case-insensitive, as the unique index on (lower(manufacturer), lower(product)) is; no wildcards.
        var m = EscapeLike(manufacturer);
        var p = EscapeLike(product);
        return await db.Pigments.AnyAsync(x => x.Id != id && EF.Functions.ILike(x.Manufacturer, m, "\\") && EF.Functions.ILike(x.Product, p, "\\"), cancellationToken);
    }

    private async Task<Result<PigmentDto>> SaveAsync(Pigment pigment, string field, string takenMessage, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone saved the same product between the check and now.
            return Result<PigmentDto>.Invalid(field, takenMessage);
        }

        return Result<PigmentDto>.Ok((await GetAsync(pigment.Id, cancellationToken))!);
    }

    private async Task<IReadOnlyList<PigmentDto>> ToDtosAsync(IReadOnlyList<Pigment> pigments, CancellationToken cancellationToken)
    {
        await studioClock.LoadAsync(cancellationToken);
        var today = studioClock.Today;
        var ids = pigments.Select(p => p.Id).ToList();
        var lots = (await db.PigmentLots.AsNoTracking().Where(l => ids.Contains(l.PigmentId)).ToListAsync(cancellationToken))
            .OrderBy(l => l.ExpiresOn).ThenBy(l => l.LotNumber, StringComparer.Ordinal)
            .ToLookup(l => l.PigmentId);
        var records = await db.ColourRecords.AsNoTracking().Where(r => r.LotId != null && ids.Contains(r.PigmentId))
            .GroupBy(r => r.LotId!.Value).Select(g => new { LotId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.LotId, g => g.Count, cancellationToken);
        return [.. pigments.Select(p =>
        {
            var lotDtos = lots[p.Id].Select(l => ToLotDto(l, l.IsExpiredOn(today), records.GetValueOrDefault(l.Id))).ToList();
            var inDate = lotDtos.Where(l => !l.Expired).ToList();
            return new PigmentDto(
                p.Id, p.Manufacturer, p.Product, p.Kind.Name(), p.Swatch.ToHex(), LabDto.From(p.Swatch), p.Notes, p.IsArchived, p.IsSelectable,
                inDate.Count, inDate.Count > 0 ? inDate[0].ExpiresOn : null, lotDtos, p.CreatedAt, p.UpdatedAt);
        })];
    }

    private static PigmentLotDto ToLotDto(PigmentLot l, bool expired, int records) => new(
        l.Id, l.PigmentId, l.LotNumber, l.ExpiresOn, l.ReceivedOn, expired, l.ReachLabelled, l.Ingredients, l.PhRegulator, l.ContainsNickel, l.ContainsChromiumVi, records, l.CreatedAt);

    private static string Taken(string manufacturer, string product) => $"{manufacturer} {product} is already in the catalogue (look among archived pigments too).";

    private static string LotTaken(string lotNumber) => $"Lot {lotNumber} is already recorded for this pigment.";

    private static string InUse(string lotNumber, int records) =>
        $"Lot {lotNumber} cannot be deleted: {records} colour record{(records == 1 ? "" : "s")} name{(records == 1 ? "s" : "")} it, and they must keep their trace.";

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
