using System.ComponentModel.DataAnnotations;

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
        };
    }

    public StudioSettingsDto ToDto() => new()
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
    };
}
