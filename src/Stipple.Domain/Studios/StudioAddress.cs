namespace Stipple.Domain;

/// <summary>A studio's postal address; every part is optional until the owner fills it in.</summary>
public sealed record StudioAddress(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country)
{
    public static StudioAddress Empty { get; } = new(null, null, null, null, null, null);

    public static StudioAddress Create(string? line1, string? line2, string? city, string? region, string? postalCode, string? country) =>
        new(
            Guard.Optional(line1, "addressLine1", 120),
            Guard.Optional(line2, "addressLine2", 120),
            Guard.Optional(city, "city", 80),
            Guard.Optional(region, "region", 80),
            Guard.Optional(postalCode, "postalCode", 16),
            Guard.Optional(country, "country", 80));

    public string OneLine => string.Join(", ", new[] { Line1, Line2, City, Region, PostalCode, Country }.Where(p => !string.IsNullOrEmpty(p)));
}
