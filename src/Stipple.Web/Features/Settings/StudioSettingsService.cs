using Microsoft.EntityFrameworkCore;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Settings;

/// <summary>The studio's own settings: name, address, time zone, currency and locale.</summary>
public sealed class StudioSettingsService(StippleDbContext db)
{
    public async Task<StudioSettingsDto> GetAsync(CancellationToken cancellationToken) =>
        StudioSettingsDto.From(await db.Studios.AsNoTracking().SingleAsync(cancellationToken));

    public async Task<Result<StudioSettingsDto>> UpdateAsync(StudioSettingsDto input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var studio = await db.Studios.SingleAsync(cancellationToken);
        var errors = new FieldErrors();
        var address = errors.Check(() => StudioAddress.Create(input.AddressLine1, input.AddressLine2, input.City, input.Region, input.PostalCode, input.Country));
        errors.Check(() => Guard.Required(input.Name, "name", 120));
        errors.Check(() => Studio.ValidTimeZone(input.TimeZone));
        errors.Check(() => Studio.ValidCurrency(input.Currency));
        errors.Check(() => Studio.ValidLocale(input.Locale));
        if (errors.Any || address is null)
        {
            return Result<StudioSettingsDto>.Invalid(errors);
        }

        studio.Update(input.Name ?? "", address, input.TimeZone ?? "", input.Currency ?? "", input.Locale ?? "");
        await db.SaveChangesAsync(cancellationToken);
        return Result<StudioSettingsDto>.Ok(StudioSettingsDto.From(studio));
    }
}
