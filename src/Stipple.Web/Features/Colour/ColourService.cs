using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Stipple.Core.Colour;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Features.Layout;
using Stipple.Web.Features.Pigments;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Colour;

/// <summary>
/// Pigment matching for the studio: measuring colours, ranking its catalogue (docs/colour-model.md), and the healed
/// results that calibrate its appearance model. Every saved or deleted result refits the model at once.
/// </summary>
public sealed class ColourService(StippleDbContext db, StudioScope scope, IClock clock, StudioClock studioClock, PigmentService pigments, ColourModelFitter fitter)
{
    public const int DefaultTop = 10;
    public const int MaxTop = 200;

    public const string EstimateNote =
        "Predicted colours are estimates from Stipple's appearance model (docs/colour-model.md), refitted to the studio's own healed results once it has five; confirm with a test patch.";

    /// <summary>The median colour of a photo region's pixels (base64 of packed R, G, B bytes).</summary>
    public static Result<MeasureResult> Measure(MeasureInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Pixels))
        {
            return Result<MeasureResult>.Invalid("pixels", "Pixels are required: the region's R, G, B bytes, base64-encoded.");
        }

        if (input.Pixels.Length > (ColourMeasurement.MaxPixels * 4) + 4)
        {
            return Result<MeasureResult>.Invalid("pixels", $"The region may hold at most {ColourMeasurement.MaxPixels:N0} pixels; sample it down first.");
        }

        var bytes = new byte[(input.Pixels.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(input.Pixels, bytes, out var length))
        {
            return Result<MeasureResult>.Invalid("pixels", "Pixels must be base64-encoded R, G, B bytes.");
        }

        var measured = ColourMeasurement.Measure(bytes.AsSpan(0, length));
        return measured.Succeeded
            ? Result<MeasureResult>.Ok(new MeasureResult(ColourDto.From(measured.Colour), measured.Used, measured.DroppedBright, measured.DroppedDark))
            : Result<MeasureResult>.Invalid("pixels", $"The region {measured.Error}");
    }

    /// <summary>Ranks the studio's SMP/PMU pigments × its dilutions for a client (or a chosen shade).</summary>
    public async Task<Result<MatchResponse>> MatchAsync(MatchInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var skin = ColourInputs.Resolve(input.Skin, "skin", "Skin colour", ColourInputs.Allow.Fitzpatrick, errors);
        Lab? hair = null;
        Lab? shade = null;
        if (input.Target is not null)
        {
            shade = ColourInputs.Resolve(input.Target, "target", "Chosen shade", ColourInputs.Allow.HexOrLab, errors);
        }
        else
        {
            hair = ColourInputs.Resolve(input.Hair, "hair", "Hair colour", ColourInputs.Allow.HairLevel, errors);
        }

        var top = input.Top ?? DefaultTop;
        if (top is < 1 or > MaxTop)
        {
            errors.Add("top", string.Create(CultureInfo.InvariantCulture, $"Top must be between 1 and {MaxTop}."));
        }

        var ladder = await StudioRatiosAsync(cancellationToken);
        if (input.Dilutions is not null)
        {
            try
            {
                ladder = Dilution.TryParseList(Studio.ValidDilutionRatios(input.Dilutions), out var given, out _) ? given : ladder;
            }
            catch (DomainException ex)
            {
                errors.Add("dilutions", ex.Message);
            }
        }

        await studioClock.LoadAsync(cancellationToken);
        var catalogue = await pigments.SelectableAsync(studioClock.Today, cancellationToken);
        if (catalogue.Count == 0)
        {
            errors.Add("pigments", "The catalogue has no SMP or PMU pigment to match yet: add one with its swatch colour on the Pigments page.");
        }

        if (errors.Any)
        {
            return Result<MatchResponse>.Invalid(errors);
        }

        var model = await ModelAsync(cancellationToken);
        var parameters = model.Parameters;
        var target = shade ?? AppearanceModel.Stubble(hair!.Value, skin!.Value, parameters);
        var byId = catalogue.ToDictionary(p => p.Id.ToString("N", CultureInfo.InvariantCulture), StringComparer.Ordinal);
        var request = new MatchRequest(target, skin!.Value, [.. catalogue.Select(p => new MatchPigment(p.Id.ToString("N", CultureInfo.InvariantCulture), p.Name, p.Swatch, p.Kind))], ladder, parameters);
        if (PigmentMatcher.Validate(request) is { Count: > 0 } problems)
        {
            var invalid = new FieldErrors();
            foreach (var (field, message) in problems)
            {
                invalid.Add(field, char.IsLower(message[0]) ? $"{char.ToUpperInvariant(field[0])}{field[1..]} {message}" : message);
            }

            return Result<MatchResponse>.Invalid(invalid);
        }

        var result = PigmentMatcher.Rank(request);
        var recommendations = result.Ranked.Take(top).Select(r =>
        {
            var pigment = byId[r.Pigment.Id];
            return new RecommendationDto(
                r.Rank,
                pigment.Id,
                pigment.Name,
                pigment.Kind.Name(),
                r.Dilution.ToString(),
                ColourDto.From(r.Fresh),
                ColourDto.From(r.Healed),
                Math.Round(r.DeltaE, 2),
                new SessionOneDto(r.SessionOneDilution.ToString(), ColourDto.From(r.SessionOneHealed), Math.Round(r.SessionOneDeltaE, 2)),
                [.. pigment.Lots.Select(l => new LotChoice(l.Id, l.LotNumber, l.ExpiresOn))]);
        }).ToList();
        return Result<MatchResponse>.Ok(new MatchResponse(
            ColourDto.From(target),
            shade is null ? "stubble" : "chosen",
            ColourDto.From(skin.Value),
            [.. ladder.Select(d => d.ToString())],
            model.Summary,
            result.Ranked.Count,
            recommendations,
            EstimateNote));
    }

    /// <summary>The parameters the studio's matches use and how well they predict its records.</summary>
    public async Task<(AppearanceParameters Parameters, ModelSummary Summary)> ModelAsync(CancellationToken cancellationToken)
    {
        var fit = await db.ColourModelFits.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var refitted = fit is not null && fit.RecordCount >= Calibration.MinRecords;
        var parameters = refitted ? AppearanceParameters.FromJson(fit!.ParametersJson) : AppearanceParameters.Default;
        return (parameters, new ModelSummary(
            refitted ? "studio" : "default",
            fit?.RecordCount ?? 0,
            Calibration.MinRecords,
            Math.Round(parameters.HealedStrength, 4),
            Math.Round(parameters.HealedVeil, 4),
            Math.Round(parameters.ScatterTilt, 4),
            fit?.HeldOutErrorDefault is { } before ? Math.Round(before, 2) : null,
            fit?.HeldOutErrorFitted is { } after ? Math.Round(after, 2) : null,
            fit?.FittedAt));
    }

    /// <summary>The studio's dilution ratios, darkest first.</summary>
    public async Task<IReadOnlyList<Dilution>> StudioRatiosAsync(CancellationToken cancellationToken) =>
        (await db.Studios.AsNoTracking().SingleAsync(cancellationToken)).Dilutions;

    /// <summary>The studio's healed results, newest session first, each with the current model's prediction.</summary>
    public async Task<IReadOnlyList<ColourRecordDto>> RecordsAsync(CancellationToken cancellationToken) =>
        await RecordsAsync((await ModelAsync(cancellationToken)).Parameters, null, cancellationToken);

    /// <summary>The healed results (or just <paramref name="only"/>), each with what <paramref name="parameters"/> predict for it.</summary>
    public async Task<IReadOnlyList<ColourRecordDto>> RecordsAsync(AppearanceParameters parameters, Guid? only, CancellationToken cancellationToken)
    {
        var rows = await (
            from r in db.ColourRecords.AsNoTracking()
            join p in db.Pigments.AsNoTracking() on r.PigmentId equals p.Id
            join l in db.PigmentLots.AsNoTracking() on r.LotId equals (Guid?)l.Id into lots
            from l in lots.DefaultIfEmpty()
            where only == null || r.Id == only
            orderby r.SessionOn descending, r.CreatedAt descending
            select new { Record = r, p.Manufacturer, p.Product, p.Swatch, LotNumber = l == null ? null : l.LotNumber })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(row =>
        {
            var r = row.Record;
            var predicted = AppearanceModel.Healed(row.Swatch, r.Dilution, r.Skin, parameters);
            return new ColourRecordDto(
                r.Id, r.PigmentId, $"{row.Manufacturer} {row.Product}", r.LotId, row.LotNumber, r.Dilution.ToString(),
                ColourDto.From(r.Skin), ColourDto.From(r.Healed), ColourDto.From(predicted),
                Math.Round(Ciede2000.Difference(r.Healed, predicted), 2), r.SessionOn, r.Note, r.CreatedAt);
        })];
    }

    /// <summary>Records a measured healed result and refits the studio's model.</summary>
    public async Task<Result<ColourRecordDto>> AddRecordAsync(ColourRecordInput input, Guid? recordedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await studioClock.LoadAsync(cancellationToken);
        var today = studioClock.Today;
        var errors = new FieldErrors();
        var selectable = await pigments.SelectableAsync(today, cancellationToken);
        if (input.PigmentId is not { } pigmentId)
        {
            errors.Add("pigmentId", "Choose the pigment that was used.");
        }
        else if (selectable.All(p => p.Id != pigmentId))
        {
            errors.Add("pigmentId", "Choose one of the studio's SMP or PMU pigments (tattoo ink and archived pigments cannot be used).");
        }

        Dilution dilution = default;
        if (!Dilution.TryParse(input.Dilution, out dilution, out var dilutionError))
        {
            errors.Add("dilution", $"Dilution {dilutionError}");
        }

        var skin = ColourInputs.Resolve(input.Skin, "skin", "Skin colour", ColourInputs.Allow.HexOrLab, errors);
        var healed = ColourInputs.Resolve(input.Healed, "healed", "Healed colour", ColourInputs.Allow.HexOrLab, errors);
        LocalDate sessionOn = default;
        if (string.IsNullOrWhiteSpace(input.SessionOn))
        {
            errors.Add("sessionOn", "Session date is required.");
        }
        else if (LocalDatePattern.Iso.Parse(input.SessionOn.Trim()) is not { Success: true } parsed)
        {
            errors.Add("sessionOn", "Session date must be a date written 2026-10-02.");
        }
        else if (parsed.Value > today)
        {
            errors.Add("sessionOn", "Session date cannot be in the future: record healed results after the session.");
        }
        else
        {
            sessionOn = parsed.Value;
        }

        if (input.ClientId is { } clientId && !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            errors.Add("clientId", "No such client.");
        }

        if (input.PigmentId is { } chosen && sessionOn != default
            && await pigments.CheckLotAsync(chosen, input.LotId, sessionOn, "lotId", cancellationToken) is { } lotErrors)
        {
            errors.Add("lotId", lotErrors.MessageFor("lotId")!);
        }

        if (errors.Any)
        {
            return Result<ColourRecordDto>.Invalid(errors);
        }

        ColourRecord record;
        try
        {
            record = ColourRecord.Create(scope.Required, Guid.NewGuid(), input.PigmentId!.Value, input.LotId, input.ClientId, dilution, skin!.Value, healed!.Value, sessionOn, input.Note, recordedBy, clock.GetCurrentInstant());
        }
        catch (DomainException ex)
        {
            return Result<ColourRecordDto>.Invalid(FieldErrors.From(ex));
        }

        db.ColourRecords.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await fitter.RefitAsync(cancellationToken);
        var saved = (await RecordsAsync((await ModelAsync(cancellationToken)).Parameters, record.Id, cancellationToken)).Single();
        return Result<ColourRecordDto>.Ok(saved);
    }

    public async Task<bool> DeleteRecordAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.ColourRecords.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return false;
        }

        await fitter.RefitAsync(cancellationToken);
        return true;
    }
}
