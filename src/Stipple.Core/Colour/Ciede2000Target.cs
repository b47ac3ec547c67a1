using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Stipple.Core.Colour;

/// <summary>
/// ΔE00 (CIE 142-2001) from one fixed target colour to many others, as pigment matching needs: the value of
/// <see cref="Ciede2000.Difference(Lab, Lab, double, double, double)"/> with the target as its first colour (within
/// 1e-9; in practice within 1e-12), several times faster.
/// </summary>
/// <remarks>
/// <para>
/// What depends on the target alone (its a*, b*, C*, L*) is computed once, and four colours are computed at a time in
/// 256-bit vectors without branches. The degree trigonometry of Sharma, Wu &amp; Dalal (2005) is replaced by vector
/// algebra on the unit hue vectors u₁ = (a'₁, b₁)/C'₁ and u₂ = (a'₂, b₂)/C'₂:
/// </para>
/// <list type="bullet">
/// <item>ΔH' = 2√(C'₁C'₂)·sin(Δh'/2) = ±√(C'₁C'₂·|u₂ − u₁|²), because the chord |u₂ − u₁| is 2|sin(Δh'/2)|; its sign
/// is that of the cross product u₁ × u₂. No atan2, and no cancellation for nearly equal hues.</item>
/// <item>The mean hue h̄' bisects the shorter arc, so (cos h̄', sin h̄') is u₁ + u₂ normalised — or, better
/// conditioned when the hues are more than 90° apart, u₂ − u₁ turned by 90°.</item>
/// <item>T's cos h̄', cos 2h̄', cos(3h̄' + 6°) and cos(4h̄' − 63°) follow from that one cos/sin pair by the
/// multiple-angle formulas, the phase shifts becoming constant cos/sin factors.</item>
/// <item>Only Δθ = 30°·exp(−((h̄' − 275°)/25°)²) needs an angle: h̄' − 275° comes from a polynomial atan2 of the mean
/// hue vector turned by −275°, and exp and sin(2Δθ) from polynomials too (Cephes' atan; Taylor series on reduced
/// ranges), all accurate to a few units in the last place.</item>
/// </list>
/// <para>
/// Sharma's rules are kept: when C'₁C'₂ = 0, ΔH' = 0 and h̄' = h'₁ + h'₂, the hue of the colour that has chroma. Where
/// the formula itself jumps — hues exactly 180° apart (which side the mean hue falls) and a mean hue on the 0°/360° seam
/// (Δθ is 0 just above 0° but not just below 360°) — the result depends on how the reference rounds its hue angles, so
/// those rare colours are passed to <see cref="Ciede2000"/> itself, as are two neutral colours (no hue vector at all).
/// </para>
/// </remarks>
public sealed class Ciede2000Target
{
    private const double Pow25To7 = 6103515625.0; // 25⁷

    // Within this of hues 180° apart (|u₁ + u₂|² = 4cos²(Δh'/2)), or of the 0°/360° seam (sin h̄'), the reference's own
    // rounding decides; both windows are far wider than its rounding error (~1e-13°).
    private const double OppositeHues = 1e-12;
    private const double Seam = 1e-9;

    // The reference measures h̄' − 275° within [−275°, 85°): past 85° (h̄' in [0°, 95°)) it is the long way round, and
    // exp(−((h̄' − 275°)/25°)²) < 1e-22 there.
    private const double LongWayRound = 85 * Math.PI / 180;
    private const double RadiansOver25Degrees = 180 / Math.PI / 25;

    private static readonly double Cos275 = Math.Cos(275 * Math.PI / 180);
    private static readonly double Sin275 = Math.Sin(275 * Math.PI / 180);

    // T = 1 − 0.17 cos(h̄ − 30°) + 0.24 cos 2h̄ + 0.32 cos(3h̄ + 6°) − 0.20 cos(4h̄ − 63°), each cos(nh̄ ± φ) expanded
    // as cos nh̄·cos φ ∓ sin nh̄·sin φ with the weights folded in.
    private static readonly double T1Cos = 0.17 * Math.Cos(30 * Math.PI / 180);
    private static readonly double T1Sin = 0.17 * Math.Sin(30 * Math.PI / 180);
    private static readonly double T3Cos = 0.32 * Math.Cos(6 * Math.PI / 180);
    private static readonly double T3Sin = 0.32 * Math.Sin(6 * Math.PI / 180);
    private static readonly double T4Cos = 0.20 * Math.Cos(63 * Math.PI / 180);
    private static readonly double T4Sin = 0.20 * Math.Sin(63 * Math.PI / 180);

    private readonly double c1;

    /// <summary>A target for ΔE00 with kL = kC = kH = 1 (reference conditions).</summary>
    public Ciede2000Target(Lab target)
        : this(target, 1, 1, 1)
    {
    }

    /// <summary>A target for ΔE00 with parametric weighting factors for lightness, chroma and hue (each finite and &gt; 0).</summary>
    public Ciede2000Target(Lab target, double kL, double kC, double kH)
    {
        CheckFactor(kL);
        CheckFactor(kC);
        CheckFactor(kH);
        Target = target;
        KL = kL;
        KC = kC;
        KH = kH;
        c1 = Math.Sqrt((target.A * target.A) + (target.B * target.B));
    }

    /// <summary>The colour every difference is measured from.</summary>
    public Lab Target { get; }

    /// <summary>Weighting factor for lightness.</summary>
    public double KL { get; }

    /// <summary>Weighting factor for chroma.</summary>
    public double KC { get; }

    /// <summary>Weighting factor for hue.</summary>
    public double KH { get; }

    /// <summary>ΔE00 from the target to <paramref name="other"/>.</summary>
    public double DifferenceTo(Lab other)
    {
        var result = Kernel(Vector256.Create(other.L), Vector256.Create(other.A), Vector256.Create(other.B), out var special);
        return (special.ExtractMostSignificantBits() & 1) == 0 ? result.ToScalar() : Ciede2000.Difference(Target, other, KL, KC, KH);
    }

    /// <summary>ΔE00 from the target to each colour of <paramref name="others"/>, into the same index of <paramref name="results"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="results"/> is shorter than <paramref name="others"/>.</exception>
    public void Differences(ReadOnlySpan<Lab> others, Span<double> results)
    {
        if (results.Length < others.Length)
        {
            throw new ArgumentException("There must be a result for every colour.", nameof(results));
        }

        var i = 0;
        for (; i <= others.Length - 4; i += 4)
        {
            var l = Vector256.Create(others[i].L, others[i + 1].L, others[i + 2].L, others[i + 3].L);
            var a = Vector256.Create(others[i].A, others[i + 1].A, others[i + 2].A, others[i + 3].A);
            var b = Vector256.Create(others[i].B, others[i + 1].B, others[i + 2].B, others[i + 3].B);
            var result = Kernel(l, a, b, out var special);
            result.CopyTo(results[i..]);
            var lanes = special.ExtractMostSignificantBits();
            if (lanes != 0)
            {
                Recompute(others, results, i, lanes);
            }
        }

        for (; i < others.Length; i++)
        {
            results[i] = DifferenceTo(others[i]);
        }
    }

    /// <summary>
    /// ΔE00 from the target to four colours; <paramref name="special"/> flags (all bits set) the lanes to recompute with
    /// the reference: hues (almost) opposite, a mean hue on the 0°/360° seam, or both colours neutral.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Vector256<double> Kernel(Vector256<double> l2, Vector256<double> a2, Vector256<double> b2, out Vector256<double> special)
    {
        var zero = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        var l1 = Vector256.Create(Target.L);
        var a1 = Vector256.Create(Target.A);
        var b1 = Vector256.Create(Target.B);

        // Step 1 (as the reference): C*, G, a', C'. G depends on both chromas, so C'₁ is per pair too.
        var c2 = Vector256.Sqrt((a2 * a2) + (b2 * b2));
        var meanC = (Vector256.Create(c1) + c2) * 0.5;
        var meanC7 = Pow7(meanC);
        var stretch = one + (0.5 * (one - Vector256.Sqrt(meanC7 / (meanC7 + Vector256.Create(Pow25To7)))));
        var a1p = stretch * a1;
        var a2p = stretch * a2;
        var cp1 = Vector256.Sqrt((a1p * a1p) + (b1 * b1));
        var cp2 = Vector256.Sqrt((a2p * a2p) + (b2 * b2));

        // Step 2: unit hue vectors (0 for a neutral colour, so the other one's hue is the mean hue and ΔH' is 0).
        var inverse1 = Vector256.ConditionalSelect(Vector256.Equals(cp1, zero), zero, one / cp1);
        var inverse2 = Vector256.ConditionalSelect(Vector256.Equals(cp2, zero), zero, one / cp2);
        var u1x = a1p * inverse1;
        var u1y = b1 * inverse1;
        var u2x = a2p * inverse2;
        var u2y = b2 * inverse2;
        var dx = u2x - u1x;
        var dy = u2y - u1y;
        var chord2 = (dx * dx) + (dy * dy);
        var sx = u1x + u2x;
        var sy = u1y + u2y;
        var sum2 = (sx * sx) + (sy * sy);
        var sign = Vector256.ConditionalSelect(Vector256.LessThan((u1x * u2y) - (u1y * u2x), zero), -one, one);
        var deltaH = sign * Vector256.Sqrt(cp1 * cp2 * chord2);

        // The mean hue: the bisector u₁ + u₂, or the chord turned by 90° towards it when that is the longer vector.
        var useSum = Vector256.GreaterThanOrEqual(sum2, chord2);
        var scale = one / Vector256.Sqrt(Vector256.ConditionalSelect(useSum, sum2, chord2));
        var cosH = Vector256.ConditionalSelect(useSum, sx, sign * dy) * scale;
        var sinH = Vector256.ConditionalSelect(useSum, sy, -sign * dx) * scale;
        special = Vector256.LessThan(sum2, Vector256.Create(OppositeHues))
            | (Vector256.GreaterThan(cosH, zero) & Vector256.LessThan(Vector256.Abs(sinH), Vector256.Create(Seam)));

        // Step 3: T from multiples of the mean hue.
        var cos2H = (cosH * cosH) - (sinH * sinH);
        var sin2H = 2 * sinH * cosH;
        var cos3H = (cos2H * cosH) - (sin2H * sinH);
        var sin3H = (sin2H * cosH) + (cos2H * sinH);
        var cos4H = (cos2H * cos2H) - (sin2H * sin2H);
        var sin4H = 2 * sin2H * cos2H;
        var t = one
            - ((T1Cos * cosH) + (T1Sin * sinH))
            + (0.24 * cos2H)
            + ((T3Cos * cos3H) - (T3Sin * sin3H))
            - ((T4Cos * cos4H) + (T4Sin * sin4H));

        var meanCp = (cp1 + cp2) * 0.5;
        var meanCp7 = Pow7(meanCp);
        var rc = 2 * Vector256.Sqrt(meanCp7 / (meanCp7 + Vector256.Create(Pow25To7)));
        var meanL = (l1 + l2) * 0.5;
        var lMinus50Squared = (meanL - Vector256.Create(50.0)) * (meanL - Vector256.Create(50.0));
        var sl = one + (0.015 * lMinus50Squared / Vector256.Sqrt(Vector256.Create(20.0) + lMinus50Squared));
        var sc = one + (0.045 * meanCp);
        var sh = one + (0.015 * meanCp * t);

        // Δθ = 30°·exp(−((h̄' − 275°)/25°)²), with h̄' − 275° the angle of the mean hue turned by −275°.
        var offset = Atan2((sinH * Cos275) - (cosH * Sin275), (cosH * Cos275) + (sinH * Sin275));
        var x = offset * RadiansOver25Degrees;
        var decay = Vector256.ConditionalSelect(Vector256.GreaterThanOrEqual(offset, Vector256.Create(LongWayRound)), zero, ExpNegative(x * x));
        var rt = -SinSmall(Math.PI / 3 * decay) * rc; // sin(2Δθ) with 2·30° = π/3 rad

        var termL = (l2 - l1) / (KL * sl);
        var termC = (cp2 - cp1) / (KC * sc);
        var termH = deltaH / (KH * sh);
        return Vector256.Sqrt((termL * termL) + (termC * termC) + (termH * termH) + (rt * termC * termH));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Recompute(ReadOnlySpan<Lab> others, Span<double> results, int start, uint lanes)
    {
        for (var lane = 0; lane < 4; lane++)
        {
            if ((lanes & (1u << lane)) != 0)
            {
                results[start + lane] = Ciede2000.Difference(Target, others[start + lane], KL, KC, KH);
            }
        }
    }

    private static void CheckFactor(double k, [CallerArgumentExpression(nameof(k))] string? name = null)
    {
        if (!double.IsFinite(k) || k <= 0)
        {
            throw new ArgumentOutOfRangeException(name, k, "A parametric factor must be finite and greater than 0.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Pow7(Vector256<double> x)
    {
        var x2 = x * x;
        return x2 * x2 * x2 * x;
    }

    /// <summary>
    /// atan2(y, x) in radians, −π…π, for a non-zero (x, y): reduced to atan(w) with |w| ≤ 0.66 (w = r or (r − 1)/(r + 1)
    /// for r = min/max of |x|, |y|), then Cephes' rational approximation w + w³P(w²)/Q(w²) (relative error 2.6e-18).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Atan2(Vector256<double> y, Vector256<double> x)
    {
        var ax = Vector256.Abs(x);
        var ay = Vector256.Abs(y);
        var small = Vector256.MinNative(ax, ay);
        var large = Vector256.MaxNative(ax, ay);
        var past = Vector256.GreaterThan(small, 0.66 * large);
        var w = Vector256.ConditionalSelect(past, small - large, small) / Vector256.ConditionalSelect(past, small + large, large);
        var z = w * w;
        var p = ((((((((-8.750608600031904122785E-1 * z) + Vector256.Create(-1.615753718733365076637E1)) * z)
            + Vector256.Create(-7.500855792314704667340E1)) * z) + Vector256.Create(-1.228866684490136173410E2)) * z)
            + Vector256.Create(-6.485021904942025371773E1)) * z;
        var q = ((((((((z + Vector256.Create(2.485846490142306297962E1)) * z) + Vector256.Create(1.650270098316988542046E2)) * z)
            + Vector256.Create(4.328810604912902668951E2)) * z) + Vector256.Create(4.853903996359136964868E2)) * z)
            + Vector256.Create(1.945506571482613964425E2);
        var angle = w + (w * p / q) + (Vector256.Create(Math.PI / 4) & past);
        angle = Vector256.ConditionalSelect(Vector256.GreaterThan(ay, ax), Vector256.Create(Math.PI / 2) - angle, angle);
        angle = Vector256.ConditionalSelect(Vector256.LessThan(x, Vector256<double>.Zero), Vector256.Create(Math.PI) - angle, angle);
        return Vector256.ConditionalSelect(Vector256.LessThan(y, Vector256<double>.Zero), -angle, angle);
    }

    /// <summary>
    /// e^(−q) for 0 ≤ q ≤ 700: q·log₂e split into an integer k and a rest, e^r (|r| ≤ ln2/2) from its Taylor series to r¹³
    /// (truncation below 2e-16 relative), times 2^k built in the exponent bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ExpNegative(Vector256<double> q)
    {
        const double Ln2High = 6.93147180369123816490e-01; // fdlibm's split of ln 2: k·Ln2High is exact
        const double Ln2Low = 1.90821492927058770002e-10;
        const double RoundingBias = 6755399441055744.0;   // 1.5·2⁵²: adding it leaves an integer in the low bits
        var k = Vector256.Round(-q * (1 / Math.Log(2)));
        var r = (-q - (k * Ln2High)) - (k * Ln2Low);
        var e = Vector256.Create(1.0 / 6227020800); // 1/13!
        e = (e * r) + Vector256.Create(1.0 / 479001600);
        e = (e * r) + Vector256.Create(1.0 / 39916800);
        e = (e * r) + Vector256.Create(1.0 / 3628800);
        e = (e * r) + Vector256.Create(1.0 / 362880);
        e = (e * r) + Vector256.Create(1.0 / 40320);
        e = (e * r) + Vector256.Create(1.0 / 5040);
        e = (e * r) + Vector256.Create(1.0 / 720);
        e = (e * r) + Vector256.Create(1.0 / 120);
        e = (e * r) + Vector256.Create(1.0 / 24);
        e = (e * r) + Vector256.Create(1.0 / 6);
        e = (e * r) + Vector256.Create(0.5);
        e = (e * r) + Vector256<double>.One;
        e = (e * r) + Vector256<double>.One;
        var exponent = (k + Vector256.Create(RoundingBias)).AsInt64() - Vector256.Create(RoundingBias).AsInt64() + Vector256.Create(1023L);
        return e * Vector256.ShiftLeft(exponent, 52).AsDouble();
    }

    /// <summary>sin θ for 0 ≤ θ ≤ π/3 from its Taylor series to θ¹⁷ (truncation below 3e-17).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SinSmall(Vector256<double> theta)
    {
        var t2 = theta * theta;
        var s = Vector256.Create(1.0 / 355687428096000); // 1/17!
        s = (s * t2) - Vector256.Create(1.0 / 1307674368000);
        s = (s * t2) + Vector256.Create(1.0 / 6227020800);
        s = (s * t2) - Vector256.Create(1.0 / 39916800);
        s = (s * t2) + Vector256.Create(1.0 / 362880);
        s = (s * t2) - Vector256.Create(1.0 / 5040);
        s = (s * t2) + Vector256.Create(1.0 / 120);
        s = (s * t2) - Vector256.Create(1.0 / 6);
        return theta + (theta * t2 * s);
    }
}
