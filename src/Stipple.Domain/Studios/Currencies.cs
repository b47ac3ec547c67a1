using System.Collections.Frozen;
using System.Globalization;

namespace Stipple.Domain;

/// <summary>ISO 4217 codes known to .NET's region data, which is what formatting can show.</summary>
public static class Currencies
{
    private static readonly FrozenSet<string> Known = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c =>
        {
            try
            {
                return new RegionInfo(c.Name).ISOCurrencySymbol;
            }
            catch (ArgumentException)
            {
                return null;
            }
        })
        .OfType<string>()
        .Where(code => code.Length == 3)
        .ToFrozenSet(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Known;

    public static bool IsKnown(string code) => Known.Contains(code);
}
