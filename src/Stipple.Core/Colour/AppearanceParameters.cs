using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stipple.Core.Colour;

/// <summary>
/// The parameters of <see cref="AppearanceModel"/>. The defaults are Stipple's estimates, chosen so a dot heals about
/// two to three shades lighter than it looks fresh (smp-facts §5.3) and black seen through skin leans grey-blue
/// (§5.4); they are not measured constants. A studio's own healed results refit the healed three
/// (<see cref="Calibration"/>): strength, veil and scatter tilt.
/// </summary>
/// <param name="FreshStrength">κ fresh: the share of the swatch's optical density a fresh dot shows (pigment in epidermis and dermis).</param>
/// <param name="FreshVeil">v fresh: the share of light the skin returns before it reaches the fresh pigment.</param>
/// <param name="HealedStrength">κ healed: the share of optical density left in the dermis once the epidermis has shed and healed.</param>
/// <param name="HealedVeil">v healed: the share of light the regrown epidermis returns before it reaches the pigment.</param>
/// <param name="ScatterTilt">τ: how much more the skin scatters blue than red (veil per channel v·(1−τ, 1, 1+τ)).</param>
/// <param name="StubbleSkinShare">σ: how much skin shows through a shaved hair's stub in the target stubble shade.</param>
public sealed record AppearanceParameters(
    double FreshStrength,
    double FreshVeil,
    double HealedStrength,
    double HealedVeil,
    double ScatterTilt,
    double StubbleSkinShare)
{
    /// <summary>The bounds a fit may reach (and stored parameters are checked against).</summary>
    public static readonly (double Min, double Max) StrengthRange = (0.02, 3.0);

    public static readonly (double Min, double Max) VeilRange = (0.0, 0.9);

    public static readonly (double Min, double Max) TiltRange = (0.0, 0.9);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Stipple's defaults (docs/colour-model.md explains each).</summary>
    public static AppearanceParameters Default { get; } = new(
        FreshStrength: 1.0,
        FreshVeil: 0.06,
        HealedStrength: 0.55,
        HealedVeil: 0.16,
        ScatterTilt: 0.3,
        StubbleSkinShare: 0.2);

    /// <summary>These parameters with the healed three replaced (what calibration changes).</summary>
    public AppearanceParameters WithHealed(double strength, double veil, double tilt) => this with
    {
        HealedStrength = Math.Clamp(strength, StrengthRange.Min, StrengthRange.Max),
        HealedVeil = Math.Clamp(veil, VeilRange.Min, VeilRange.Max),
        ScatterTilt = Math.Clamp(tilt, TiltRange.Min, TiltRange.Max),
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads stored parameters; anything unreadable or out of range falls back to <see cref="Default"/>.</summary>
    public static AppearanceParameters FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return Default;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<AppearanceParameters>(json, Json);
            return parsed is not null && parsed.IsValid() ? parsed : Default;
        }
        catch (JsonException)
        {
            return Default;
        }
    }

    /// <summary>Every parameter finite and inside its range.</summary>
    public bool IsValid() =>
        In(FreshStrength, StrengthRange) && In(HealedStrength, StrengthRange)
        && In(FreshVeil, VeilRange) && In(HealedVeil, VeilRange)
        && In(ScatterTilt, TiltRange) && StubbleSkinShare is >= 0 and <= 0.9;

    /// <summary>"κ 0.45 · v 0.22 · τ 0.30", the healed three for people.</summary>
    public string DescribeHealed() =>
        string.Create(CultureInfo.InvariantCulture, $"strength {HealedStrength:0.00} · veil {HealedVeil:0.00} · blue scatter {ScatterTilt:0.00}");

    private static bool In(double value, (double Min, double Max) range) => double.IsFinite(value) && value >= range.Min && value <= range.Max;
}
