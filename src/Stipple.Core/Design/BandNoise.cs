namespace Stipple.Core.Design;

/// <summary>
/// The wander of the transition band's front along the hairline: 1-D value noise over arc length, two octaves
/// (a 9 mm macro wave at 70 % of the amplitude and a 3.5 mm micro wave at 30 %), interpolated with a smoothstep.
/// This is what keeps the front edge from ever being a drawn line (smp-facts §2.4: micro- and macro-irregularity).
/// </summary>
internal readonly struct BandNoise
{
    private const double MacroWavelengthMm = 9;
    private const double MicroWavelengthMm = 3.5;

    private readonly uint seed;
    private readonly double amplitude;

    public BandNoise(uint seed, double amplitudeMm)
    {
        this.seed = seed;
        amplitude = amplitudeMm;
    }

    /// <summary>The front's offset behind the drawn line at arc length <paramref name="s"/> (mm), within ±amplitude.</summary>
    public double At(double s) =>
        amplitude == 0 ? 0 : amplitude * ((0.7 * Octave(s / MacroWavelengthMm, 0)) + (0.3 * Octave(s / MicroWavelengthMm, 1_000_003)));

    private double Octave(double u, long salt)
    {
        var i = (long)Math.Floor(u);
        var f = u - i;
        var w = f * f * (3 - (2 * f));
        var a = Xoshiro256.Hash(seed, i + salt);
        var b = Xoshiro256.Hash(seed, i + 1 + salt);
        return a + ((b - a) * w);
    }
}
