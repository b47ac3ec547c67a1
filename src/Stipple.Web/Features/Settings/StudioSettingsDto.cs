using Stipple.Domain;

namespace Stipple.Web.Features.Settings;

/// <summary>Studio settings as the settings form and <c>/api/v1/studio</c> exchange them.</summary>
public sealed record StudioSettingsDto
{
    public Guid Id { get; init; }

    public string? Name { get; init; }

    public string? AddressLine1 { get; init; }

    public string? AddressLine2 { get; init; }

    public string? City { get; init; }

    public string? Region { get; init; }

    public string? PostalCode { get; init; }

    public string? Country { get; init; }

    /// <summary>IANA time zone id, e.g. Europe/London.</summary>
    public string? TimeZone { get; init; }

    /// <summary>ISO 4217 code, e.g. GBP.</summary>
    public string? Currency { get; init; }

    /// <summary>BCP 47 culture, e.g. en-GB.</summary>
    public string? Locale { get; init; }

    /// <summary>
    /// Needling rate for design time estimates: impressions per minute, 1–1000 with at most one decimal (default 78).
    /// Left out or null in an update, the current rate stays.
    /// </summary>
    public decimal? ImpressionsPerMinute { get; init; }

    /// <summary>
    /// The dilutions (pigment:water) the studio mixes and pigment matching tries, e.g. "1:0, 3:1, 1:1, 1:2, 1:3"; saved
    /// normalised, darkest first. Left out or null in an update, the current list stays.
    /// </summary>
    public string? DilutionRatios { get; init; }

    public static StudioSettingsDto From(Studio studio)
    {
        ArgumentNullException.ThrowIfNull(studio);
        return new StudioSettingsDto
        {
            Id = studio.Id,
            Name = studio.Name,
            AddressLine1 = studio.Address.Line1,
            AddressLine2 = studio.Address.Line2,
            City = studio.Address.City,
            Region = studio.Address.Region,
            PostalCode = studio.Address.PostalCode,
            Country = studio.Address.Country,
            TimeZone = studio.TimeZone,
            Currency = studio.Currency,
            Locale = studio.Locale,
            ImpressionsPerMinute = studio.ImpressionsPerMinute,
            DilutionRatios = studio.DilutionRatios,
        };
    }
}
