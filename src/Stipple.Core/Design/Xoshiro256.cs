namespace Stipple.Core.Design;

/// <summary>
/// xoshiro256** 1.0 (Blackman &amp; Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021),
/// seeded through SplitMix64 as its authors recommend. Integer arithmetic only, so every machine produces the same
/// stream; <see cref="NextDouble"/> uses the top 53 bits.
/// </summary>
internal struct Xoshiro256
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public Xoshiro256(ulong seed)
    {
        s0 = SplitMix(ref seed);
        s1 = SplitMix(ref seed);
        s2 = SplitMix(ref seed);
        s3 = SplitMix(ref seed);
    }

    /// <summary>A generator for one named purpose (<paramref name="stream"/>) of a design seed, independent of the others.</summary>
    public static Xoshiro256 For(uint seed, ulong stream) => new((seed * 0x9E3779B97F4A7C15UL) ^ (stream * 0xD1B54A32D192ED03UL));

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, <paramref name="bound"/>) by Lemire's multiply-shift (tiny bias below 2⁻³²; fine for shuffling).</summary>
    public int NextInt(int bound) => (int)(((Next() >> 32) * (ulong)bound) >> 32);

    /// <summary>SplitMix64 (Steele, Lea &amp; Flood 2014): one step, also used as a stateless hash.</summary>
    public static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A stateless hash of (seed, index) to [−1, 1], for lattice noise.</summary>
    public static double Hash(uint seed, long index)
    {
        var state = ((ulong)seed << 32) ^ (ulong)index ^ 0x5851F42D4C957F2DUL;
        return ((SplitMix(ref state) >> 11) * (2.0 / (1UL << 53))) - 1;
    }
}
