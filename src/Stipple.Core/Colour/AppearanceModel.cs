namespace Stipple.Core.Colour;

/// <summary>
/// Predicts the colour of a dot of pigment P at a dilution on skin S, fresh and healed, in linear light. An estimate:
/// see docs/colour-model.md for the derivation, its assumptions and what calibration changes.
/// <para>
/// Per linear-RGB channel k, with the swatch's reflectance pₖ (the undiluted pigment drawn down on white), its optical
/// density Dₖ = −ln pₖ, the mix's pigment share c = pigment / (pigment + water), and the skin's reflectance sₖ:
/// </para>
/// <code>
///   dotₖ = sₖ · [ vₖ + (1 − vₖ) · exp(−κ · c · Dₖ) ],   vₖ = v · (1 − τ, 1, 1 + τ)ₖ
/// </code>
/// <para>
/// Light the skin returns before reaching the pigment (the veil vₖ, stronger for blue) is untouched; the rest crosses
/// the pigment layer (Beer–Lambert, density proportional to concentration) and is then coloured by the skin below.
/// Fresh and healed differ in κ and v: a healed dot has lost its epidermal pigment and sits under regrown epidermis.
/// </para>
/// </summary>
public static class AppearanceModel
{
    /// <summary>The darkest swatch reflectance used (density ≈ 9.2), so a pure black swatch stays finite.</summary>
    private const double MinReflectance = 1e-4;

    /// <summary>The colour of a freshly placed dot.</summary>
    public static Lab Fresh(Lab swatch, Dilution dilution, Lab skin, AppearanceParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Predict(PigmentDensity.Of(swatch), dilution.Concentration, LinearRgb.Of(skin), parameters.FreshStrength, parameters.FreshVeil, parameters.ScatterTilt);
    }

    /// <summary>The colour of the same dot once healed (weeks later).</summary>
    public static Lab Healed(Lab swatch, Dilution dilution, Lab skin, AppearanceParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Predict(PigmentDensity.Of(swatch), dilution.Concentration, LinearRgb.Of(skin), parameters.HealedStrength, parameters.HealedVeil, parameters.ScatterTilt);
    }

    /// <summary>
    /// The client's natural stubble shade: hair seen as a shaved stub, with a share σ of skin showing through, mixed in
    /// linear light.
    /// </summary>
    public static Lab Stubble(Lab hair, Lab skin, AppearanceParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var h = LinearRgb.Of(hair);
        var s = LinearRgb.Of(skin);
        var share = parameters.StubbleSkinShare;
        return new LinearRgb(
            ((1 - share) * h.R) + (share * s.R),
            ((1 - share) * h.G) + (share * s.G),
            ((1 - share) * h.B) + (share * s.B)).ToLab();
    }

    /// <summary>The model's core, on precomputed densities and skin reflectance (the matcher's fast path).</summary>
    internal static Lab Predict(PigmentDensity density, double concentration, LinearRgb skin, double strength, double veil, double tilt)
    {
        var k = strength * concentration;
        var vr = Math.Min(veil * (1 - tilt), 1);
        var vg = Math.Min(veil, 1);
        var vb = Math.Min(veil * (1 + tilt), 1);
        var r = skin.R * (vr + ((1 - vr) * Math.Exp(-k * density.R)));
        var g = skin.G * (vg + ((1 - vg) * Math.Exp(-k * density.G)));
        var b = skin.B * (vb + ((1 - vb) * Math.Exp(-k * density.B)));
        return new LinearRgb(r, g, b).ToLab();
    }

    /// <summary>A swatch's optical density per channel, −ln(reflectance).</summary>
    internal readonly record struct PigmentDensity(double R, double G, double B)
    {
        public static PigmentDensity Of(Lab swatch)
        {
            var rgb = LinearRgb.Of(swatch);
            return new PigmentDensity(
                -Math.Log(Math.Clamp(rgb.R, MinReflectance, 1)),
                -Math.Log(Math.Clamp(rgb.G, MinReflectance, 1)),
                -Math.Log(Math.Clamp(rgb.B, MinReflectance, 1)));
        }
    }
}
