namespace Stipple.Core.Design;

/// <summary>
/// A few lone dots just ahead of the band's front, so the hairline has no hard edge (smp-facts §2.4: "a few
/// sentinel dots ahead of the line"; the surgical hairline's single-hair units in front). Walking along the
/// hairline, a sentinel is tried every 10 / <see cref="TransitionSpec.SentinelsPer10Mm"/> mm on average (uniform
/// gaps of 0.5–1.5 times that), 0.6–3 mm ahead of the front; it is kept only inside a zone that takes dots and
/// clear of every other dot by the band's sparsest spacing. Sentinels belong to the last session: the hairline is
/// softened once the density behind it is in place.
/// </summary>
internal static class Sentinels
{
    private const double NearestAheadMm = 0.6;
    private const double FarthestAheadMm = 3.0;

    public static void Place(DesignDocument design, HairlineCurve curve, DensityField field, DotGrid grid, Xoshiro256 rng, List<Placed> placed)
    {
        var perTen = design.Transition.SentinelsPer10Mm;
        if (perTen <= 0)
        {
            return;
        }

        var meanGap = 10 / perTen;
        var points = curve.Points;
        var arc = curve.ArcLength;
        var segment = 1;
        for (var s = meanGap * rng.NextDouble(); s < curve.Length; s += meanGap * (0.5 + rng.NextDouble()))
        {
            while (segment < points.Length - 1 && arc[segment] < s)
            {
                segment++;
            }

            var a = points[segment - 1];
            var b = points[segment];
            var length = arc[segment] - arc[segment - 1];
            if (length <= 0)
            {
                continue;
            }

            var t = (s - arc[segment - 1]) / length;
            var tx = (b.X - a.X) / length;
            var ty = (b.Y - a.Y) / length;

            // The curve runs left to right, so (ty, −tx) points ahead of it, towards the forehead.
            var ahead = NearestAheadMm + ((FarthestAheadMm - NearestAheadMm) * rng.NextDouble());
            var offset = ahead - field.Noise.At(s);
            var x = a.X + (t * (b.X - a.X)) + (ty * offset);
            var y = a.Y + (t * (b.Y - a.Y)) - (tx * offset);
            if (!ScalpMap.Contains(new MapPoint(x, y)) || field.FrontDistance(x, y) >= 0)
            {
                continue;
            }

            var zone = field.ExactZone(x, y);
            if (zone == DensityField.NoZone)
            {
                continue;
            }

            // A sentinel stands alone: nothing within the band front's own spacing.
            var density = design.Transition.StartFraction * design.Zones[zone].DensityPerCm2 / 100;
            if (!grid.AnyWithin(x, y, Stippler.MinimumDistanceFactor / Math.Sqrt(density)))
            {
                grid.Add(x, y, density);
                placed.Add(new Placed(x, y, density, zone));
            }
        }
    }
}
