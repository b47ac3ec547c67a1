using Microsoft.EntityFrameworkCore;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Settings;

/// <summary>The studio's own settings: name, address, time zone, currency, locale, the needling rate and the dilution ratios.</summary>
public sealed class StudioSettingsService(StippleDbContext db)
{
    public async Task<StudioSettingsDto> GetAsync(CancellationToken cancellationToken) =>
        StudioSettingsDto.From(await db.Studios.AsNoTracking().SingleAsync(cancellationToken));

    public Task<Result<StudioSettingsDto>> UpdateAsync(StudioSettingsDto input, CancellationToken cancellationToken) =>
        UpdateAsync(input, new FieldErrors(), cancellationToken);

    /// <summary>
    /// Checks every field and saves when all are valid. <paramref name="errors"/> may already hold errors the caller
    /// found (a form value that is not a number): then nothing is saved, and the other fields' errors are added to it.
    /// </summary>
    public async Task<Result<StudioSettingsDto>> UpdateAsync(StudioSettingsDto input, FieldErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        var studio = await db.Studios.SingleAsync(cancellationToken);
        var address = errors.Check(() => StudioAddress.Create(input.AddressLine1, input.AddressLine2, input.City, input.Region, input.PostalCode, input.Country));
        errors.Check(() => Guard.Required(input.Name, "name", 120));
        errors.Check(() => Studio.ValidTimeZone(input.TimeZone));
        errors.Check(() => Studio.ValidCurrency(input.Currency));
        errors.Check(() => Studio.ValidLocale(input.Locale));
        if (input.ImpressionsPerMinute is { } rate)
        {
            errors.Check(() => Studio.ValidImpressionsPerMinute(rate));
        }

        if (input.DilutionRatios is not null)
        {
            errors.Check(() => Studio.ValidDilutionRatios(input.DilutionRatios));
        }

        if (errors.Any || address is null)
        {
            return Result<StudioSettingsDto>.Invalid(errors);
        }

        studio.Update(input.Name ?? "", address, input.TimeZone ?? "", input.Currency ?? "", input.Locale ?? "");
        studio.SetImpressionsPerMinute(input.ImpressionsPerMinute ?? studio.ImpressionsPerMinute);
        studio.SetDilutionRatios(input.DilutionRatios ?? studio.DilutionRatios);
        await db.SaveChangesAsync(cancellationToken);
        return Result<StudioSettingsDto>.Ok(StudioSettingsDto.From(studio));
    }
}
