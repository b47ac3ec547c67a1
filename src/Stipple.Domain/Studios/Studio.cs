using System.Globalization;
using NodaTime;
using Stipple.Core.Colour;

namespace Stipple.Domain;

/// <summary>
/// A studio is the tenant: every studio-owned row carries its id, and the database shows a connection only the rows
/// of the studio set for it. Dates a client sees are shown in <see cref="TimeZone"/>.
/// </summary>
public sealed class Studio
{
    private Studio()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    private StudioAddress? address;

    /// <summary>The postal address; a studio with none yet has <see cref="StudioAddress.Empty"/> (stored as all-null columns).</summary>
    public StudioAddress Address
    {
        get => address ?? StudioAddress.Empty;
        private set => address = value;
    }

    /// <summary>IANA time zone id, e.g. <c>Europe/London</c>.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>ISO 4217 currency code, e.g. <c>GBP</c>.</summary>
    public string Currency { get; private set; } = "GBP";

    /// <summary>BCP 47 culture name used for formatting, e.g. <c>en-GB</c>.</summary>
    public string Locale { get; private set; } = "en-GB";

    /// <summary>Smallest needling rate a studio may set, in impressions per minute.</summary>
    public const decimal MinImpressionsPerMinute = 1;

    /// <summary>Largest needling rate a studio may set, in impressions per minute.</summary>
    public const decimal MaxImpressionsPerMinute = 1000;

    /// <summary>
    /// The rate a new studio starts with: <see cref="Core.Design.DesignReport.DefaultImpressionsPerMinute"/> (a test keeps
    /// the two equal; the migration's column default is the same number).
    /// </summary>
    public const decimal DefaultImpressionsPerMinute = 78m;

    /// <summary>
    /// How many impressions a practitioner of the studio places a minute (1–1000, at most one decimal). Design reports
    /// divide a session's dots by it to estimate the needling time.
    /// </summary>
    public decimal ImpressionsPerMinute { get; private set; } = DefaultImpressionsPerMinute;

    /// <summary>The ratio list a new studio starts with (the migration's column default is the same text).</summary>
    public static string DefaultDilutionRatios { get; } = Dilution.FormatList(Dilution.Defaults);

    /// <summary>
    /// The dilutions (pigment:water) the studio mixes and the matcher tries, normalised darkest first, e.g.
    /// <c>1:0, 3:1, 1:1, 1:2, 1:3</c>.
    /// </summary>
    public string DilutionRatios { get; private set; } = DefaultDilutionRatios;

    /// <summary><see cref="DilutionRatios"/> as values, darkest first.</summary>
    public IReadOnlyList<Dilution> Dilutions =>
        Dilution.TryParseList(DilutionRatios, out var list, out _) ? list : Dilution.Defaults;

    /// <summary>The youngest age the studio accepts a client at; never below <see cref="LowestMinimumAge"/>.</summary>
    public int MinClientAge { get; private set; } = LowestMinimumAge;

    /// <summary>No studio may treat anyone younger (UK Tattooing of Minors Act 1969; smp-facts §10.2, §13.1).</summary>
    public const int LowestMinimumAge = 18;

    /// <summary>The studio's screening rule numbers as JSON (<c>ScreeningSettings</c>), or null for the defaults.</summary>
    public string? ScreeningSettingsJson { get; private set; }

    /// <summary>The studio's booking rules as JSON (<c>SchedulingSettings</c>), or null for the defaults of smp-facts §13.4.</summary>
    public string? SchedulingSettingsJson { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>Stores the booking rules (already validated, as JSON).</summary>
    public void SetScheduling(string? schedulingSettingsJson) => SchedulingSettingsJson = schedulingSettingsJson;

    public static Studio Create(Guid id, string name, string timeZone, string currency, string locale, Instant now)
    {
        var studio = new Studio { Id = id, CreatedAt = now };
        studio.Update(name, StudioAddress.Empty, timeZone, currency, locale);
        return studio;
    }

    public void Update(string name, StudioAddress address, string timeZone, string currency, string locale)
    {
        Name = Guard.Required(name, "name", 120);
        Address = address;
        TimeZone = ValidTimeZone(timeZone);
        Currency = ValidCurrency(currency);
        Locale = ValidLocale(locale);
    }

    public void SetImpressionsPerMinute(decimal value) => ImpressionsPerMinute = ValidImpressionsPerMinute(value);

    public void SetDilutionRatios(string? value) => DilutionRatios = ValidDilutionRatios(value);

    /// <summary>Sets the minimum client age and the other screening numbers (already validated, as JSON).</summary>
    public void SetScreening(int minClientAge, string? screeningSettingsJson)
    {
        MinClientAge = minClientAge is >= LowestMinimumAge and <= 120
            ? minClientAge
            : throw new DomainException("minimumAge", "must be between 18 and 120: no studio may treat anyone under 18.");
        ScreeningSettingsJson = screeningSettingsJson;
    }

    public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[TimeZone];

    public static string ValidTimeZone(string? value)
    {
        var id = Guard.Required(value, "timeZone", 64);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is null
            ? throw new DomainException("timeZone", "is not an IANA time zone (for example Europe/London).")
            : id;
    }

    public static string ValidCurrency(string? value)
    {
        var code = Guard.Required(value, "currency", 3).ToUpperInvariant();
        return code.Length == 3 && code.All(char.IsAsciiLetterUpper) && Currencies.IsKnown(code)
            ? code
            : throw new DomainException("currency", "is not an ISO 4217 currency code (for example GBP).");
    }

    public static decimal ValidImpressionsPerMinute(decimal value)
    {
        if (value is < MinImpressionsPerMinute or > MaxImpressionsPerMinute)
        {
            throw new DomainException("impressionsPerMinute", "must be between 1 and 1000.");
        }

        return decimal.Round(value, 1) == value
            ? value
            : throw new DomainException("impressionsPerMinute", "must have at most one decimal place (for example 78 or 82.5).");
    }

    /// <summary>
    /// The list normalised (darkest first, as <see cref="Dilution.FormatList"/> writes it), or a
    /// <see cref="DomainException"/> on <c>dilutionRatios</c> whose message names each bad item, e.g. "The 3rd ratio 0:2
    /// needs at least one part pigment…".
    /// </summary>
    public static string ValidDilutionRatios(string? value)
    {
        if (Dilution.TryParseList(value, out var list, out var errors))
        {
            return Dilution.FormatList(list);
        }

        // The same split as Dilution.TryParseList, so an error's index finds the item the person typed.
        var items = (value ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var messages = errors.Select(e => e.Index < 0 || e.Index >= items.Length
            ? $"The list of ratios {e.Message}"
            : char.IsLower(e.Message[0])
                ? $"The {Ordinal(e.Index + 1)} ratio {items[e.Index]} {e.Message}"
                : $"The {Ordinal(e.Index + 1)} ratio: {e.Message}");
        throw new DomainException("dilutionRatios", string.Join(" ", messages));
    }

    private static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return string.Create(CultureInfo.InvariantCulture, $"{n}{suffix}");
    }

    public static string ValidLocale(string? value)
    {
        var name = Guard.Required(value, "locale", 16);
        try
        {
            var culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            return culture.Name.Length == 0 ? throw new DomainException("locale", "must name a language and region (for example en-GB).") : culture.Name;
        }
        catch (CultureNotFoundException)
        {
            throw new DomainException("locale", "is not a known locale (for example en-GB).");
        }
    }
}
