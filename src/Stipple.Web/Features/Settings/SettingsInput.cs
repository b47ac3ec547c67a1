using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Settings;

/// <summary>The settings form. Lengths are checked again by the domain; these only bound what the form accepts.</summary>
public sealed class SettingsInput
{
    [StringLength(200)]
    public string? Name { get; set; }

    [StringLength(200)]
    public string? AddressLine1 { get; set; }

    [StringLength(200)]
    public string? AddressLine2 { get; set; }

    [StringLength(200)]
    public string? City { get; set; }

    [StringLength(200)]
    public string? Region { get; set; }

    [StringLength(200)]
    public string? PostalCode { get; set; }

    [StringLength(200)]
    public string? Country { get; set; }

    [StringLength(100)]
    public string? TimeZone { get; set; }

    [StringLength(10)]
    public string? Currency { get; set; }

    [StringLength(20)]
    public string? Locale { get; set; }

    /// <summary>Kept as typed (not a number type) so a value that is not a number is shown back with its error.</summary>
    [StringLength(20)]
    public string? ImpressionsPerMinute { get; set; }

    /// <summary>Kept empty (not null) when the box is cleared, so that is reported; a form without the field keeps the list.</summary>
    [StringLength(400)]
    [DisplayFormat(ConvertEmptyStringToNull = false)]
    public string? DilutionRatios { get; set; }

    public static SettingsInput From(StudioSettingsDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new SettingsInput
        {
            Name = dto.Name,
            AddressLine1 = dto.AddressLine1,
            AddressLine2 = dto.AddressLine2,
            City = dto.City,
            Region = dto.Region,
            PostalCode = dto.PostalCode,
            Country = dto.Country,
            TimeZone = dto.TimeZone,
            Currency = dto.Currency,
            Locale = dto.Locale,
            ImpressionsPerMinute = dto.ImpressionsPerMinute?.ToString("0.#", CultureInfo.InvariantCulture),
            DilutionRatios = dto.DilutionRatios,
        };
    }

    /// <summary>The form as the service takes it; a rate that is missing or not a number is added to <paramref name="errors"/>.</summary>
    public StudioSettingsDto ToDto(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new StudioSettingsDto
        {
            Name = Name,
            AddressLine1 = AddressLine1,
            AddressLine2 = AddressLine2,
            City = City,
            Region = Region,
            PostalCode = PostalCode,
            Country = Country,
            TimeZone = TimeZone,
            Currency = Currency,
            Locale = Locale,
            ImpressionsPerMinute = ParseRate(ImpressionsPerMinute, errors),
            DilutionRatios = DilutionRatios,
        };
    }

    /// <summary>
    /// A decimal with a point (as number inputs send it, whatever the language); no thousands separators, so "1,5" is
    /// refused rather than read as 15.
    /// </summary>
    private static decimal? ParseRate(string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add("impressionsPerMinute", "Impressions per minute is required.");
            return null;
        }

        const NumberStyles Styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;
        if (decimal.TryParse(text, Styles, CultureInfo.InvariantCulture, out var rate))
        {
            return rate;
        }

        errors.Add("impressionsPerMinute", "Impressions per minute must be a number (for example 78 or 82.5).");
        return null;
    }
}
