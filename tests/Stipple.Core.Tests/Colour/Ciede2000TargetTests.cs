using System.Globalization;
using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

/// <summary>
/// The fast one-to-many ΔE00 must give the reference's value (within 1e-9) everywhere, including where the reference
/// takes its special branches: neutral colours, opposite hues, the 0°/360° seam.
/// </summary>
public sealed class Ciede2000TargetTests
{
    private const double Tolerance = 1e-9;

    [Theory]
    [MemberData(nameof(Ciede2000Tests.SharmaPairs), MemberType = typeof(Ciede2000Tests))]
    public void Matches_the_reference_and_the_published_value_on_the_Sharma_pairs_in_both_orders(
        int pair, double l1, double a1, double b1, double l2, double a2, double b2, double expected)
    {
        var first = new Lab(l1, a1, b1);
        var second = new Lab(l2, a2, b2);

        foreach (var (target, other) in new[] { (first, second), (second, first) })
        {
            var fast = new Ciede2000Target(target).DifferenceTo(other);
            fast.ShouldBe(Ciede2000.Difference(target, other), Tolerance, $"pair {pair}");
            fast.ShouldBe(expected, 1e-4, $"pair {pair}");
            var batch = new double[1];
            new Ciede2000Target(target).Differences([other], batch);
            batch[0].ShouldBe(fast, Tolerance, $"pair {pair}, batch");
        }
    }

    [Fact]
    public void Matches_the_reference_on_a_million_random_pairs()
    {
        var random = new Random(2005);
        var worst = new Worst();
        for (var i = 0; i < 1_000_000; i++)
        {
            worst.Check(RandomLab(random), RandomLab(random));
        }

        worst.Assert();
    }

    [Fact]
    public void The_batch_matches_the_reference_on_a_million_random_pairs()
    {
        var random = new Random(2006);
        var others = Enumerable.Range(0, 1003).Select(_ => RandomLab(random)).ToArray(); // not a multiple of 4
        var results = new double[others.Length];
        var worst = new Worst();
        for (var t = 0; t < 1000; t++)
        {
            var target = RandomLab(random);
            new Ciede2000Target(target).Differences(others, results);
            for (var i = 0; i < others.Length; i++)
            {
                worst.Record(target, others[i], results[i], Ciede2000.Difference(target, others[i]));
            }
        }

        worst.Assert();
    }

    [Fact]
    public void Matches_the_reference_with_parametric_factors()
    {
        var random = new Random(2007);
        var worst = new Worst();
        for (var i = 0; i < 100_000; i++)
        {
            var (kL, kC, kH) = (0.25 + (3 * random.NextDouble()), 0.25 + (3 * random.NextDouble()), 0.25 + (3 * random.NextDouble()));
            var (target, other) = (RandomLab(random), RandomLab(random));
            worst.Record(target, other, new Ciede2000Target(target, kL, kC, kH).DifferenceTo(other), Ciede2000.Difference(target, other, kL, kC, kH));
        }

        worst.Assert();
    }

    [Fact]
    public void Matches_the_reference_when_both_colours_are_neutral()
    {
        var random = new Random(2008);
        var worst = new Worst();
        for (var i = 0; i < 10_000; i++)
        {
            worst.Check(new Lab(100 * random.NextDouble(), 0, 0), new Lab(100 * random.NextDouble(), 0, 0));
        }

        worst.Assert();
    }

    [Fact]
    public void Matches_the_reference_when_one_colour_is_neutral()
    {
        var random = new Random(2009);
        var worst = new Worst();
        for (var i = 0; i < 100_000; i++)
        {
            var neutral = new Lab(100 * random.NextDouble(), 0, 0);
            var coloured = i % 10 == 0 ? OnAnAxis(random) : RandomLab(random);
            worst.Check(neutral, coloured);
            worst.Check(coloured, neutral);
        }

        worst.Assert();
    }

    [Fact]
    public void Matches_the_reference_when_hues_are_exactly_opposite()
    {
        var random = new Random(2010);
        var worst = new Worst();
        double[] exactScales = [0.25, 0.5, 1, 2];
        for (var i = 0; i < 100_000; i++)
        {
            var colour = i % 10 == 0 ? OnAnAxis(random) : RandomLab(random, maxAxis: 60);

            // Powers of two scale exactly; other factors leave the hues opposite to within rounding.
            var scale = i % 2 == 0 ? exactScales[random.Next(exactScales.Length)] : 0.2 + (1.8 * random.NextDouble());
            var opposite = new Lab(100 * random.NextDouble(), -scale * colour.A, -scale * colour.B);
            worst.Check(colour, opposite);
            worst.Check(opposite, colour);
        }

        worst.Assert();
    }

    [Fact]
    public void Matches_the_reference_when_hues_are_nearly_opposite()
    {
        var random = new Random(2011);
        var worst = new Worst();
        for (var i = 0; i < 100_000; i++)
        {
            var hue = 360 * random.NextDouble();
            var apart = 180 + ((random.NextDouble() - 0.5) * Math.Pow(10, -random.Next(1, 13)));
            worst.Check(FromPolar(random, hue), FromPolar(random, hue + apart));
        }

        worst.Assert();
    }

    [Fact]
    public void Matches_the_reference_when_hues_straddle_0_degrees()
    {
        var random = new Random(2012);
        var worst = new Worst();
        double[] scales = [0.5, 0.8, 1, 1.25, 2];
        for (var i = 0; i < 100_000; i++)
        {
            // Mean hue on the seam (mirror images in b, of other chromas so that Δθ counts), or hues a few degrees
            // either side of it.
            var colour = FromPolar(random, 20 * (random.NextDouble() - 0.5));
            var scale = scales[random.Next(scales.Length)];
            var other = i % 2 == 0
                ? new Lab(100 * random.NextDouble(), scale * colour.A, -scale * colour.B)
                : FromPolar(random, 20 * (random.NextDouble() - 0.5));
            worst.Check(colour, other);
            worst.Check(other, colour);
        }

        // Hue exactly 0° against hues a hair either side of it.
        foreach (var b in new[] { 1e-12, -1e-12, 1e-300, -1e-300, 0.0, -0.0 })
        {
            worst.Check(new Lab(50, 30, 0), new Lab(55, 40, b));
            worst.Check(new Lab(55, 40, b), new Lab(50, 30, 0));
        }

        worst.Assert();
    }

    [Fact]
    public void Identical_colours_differ_by_exactly_zero()
    {
        var random = new Random(2013);
        for (var i = 0; i < 10_000; i++)
        {
            var colour = i % 10 == 0 ? new Lab(100 * random.NextDouble(), 0, 0) : RandomLab(random);
            new Ciede2000Target(colour).DifferenceTo(colour).ShouldBe(0, colour.ToString());
        }
    }

    [Fact]
    public void The_batch_agrees_with_single_differences_for_every_length()
    {
        var random = new Random(2014);
        var target = new Ciede2000Target(RandomLab(random), 1.5, 1, 0.8);
        for (var length = 0; length < 12; length++)
        {
            var others = Enumerable.Range(0, length).Select(_ => RandomLab(random)).ToArray();
            var results = new double[length + 1]; // longer than needed: the extra slot stays untouched
            results[^1] = -1;
            target.Differences(others, results);
            for (var i = 0; i < length; i++)
            {
                results[i].ShouldBe(target.DifferenceTo(others[i]));
            }

            results[^1].ShouldBe(-1);
        }
    }

    [Fact]
    public void Rejects_a_short_result_span_and_bad_factors()
    {
        var target = new Ciede2000Target(new Lab(50, 10, 10));
        Should.Throw<ArgumentException>(() => target.Differences(new Lab[3], new double[2]));
        Should.Throw<ArgumentOutOfRangeException>(() => new Ciede2000Target(default, 0, 1, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new Ciede2000Target(default, 1, -1, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new Ciede2000Target(default, 1, 1, double.NaN));
        Should.Throw<ArgumentOutOfRangeException>(() => new Ciede2000Target(default, 1, 1, double.PositiveInfinity));
    }

    private static Lab RandomLab(Random random, double maxAxis = 128) =>
        new(100 * random.NextDouble(), maxAxis * ((2 * random.NextDouble()) - 1), maxAxis * ((2 * random.NextDouble()) - 1));

    /// <summary>A colour whose hue is exactly 0°, 90°, 180° or 270°.</summary>
    private static Lab OnAnAxis(Random random)
    {
        var chroma = 1 + (100 * random.NextDouble());
        return random.Next(4) switch
        {
            0 => new Lab(100 * random.NextDouble(), chroma, 0),
            1 => new Lab(100 * random.NextDouble(), 0, chroma),
            2 => new Lab(100 * random.NextDouble(), -chroma, 0),
            _ => new Lab(100 * random.NextDouble(), 0, -chroma),
        };
    }

    private static Lab FromPolar(Random random, double hueDegrees)
    {
        var chroma = 0.5 + (90 * random.NextDouble());
        var radians = hueDegrees * Math.PI / 180;
        return new Lab(100 * random.NextDouble(), chroma * Math.Cos(radians), chroma * Math.Sin(radians));
    }

    /// <summary>The largest disagreement with the reference, and where it was.</summary>
    private sealed class Worst
    {
        private double error;
        private string where = "";
        private int count;

        public void Check(Lab target, Lab other) =>
            Record(target, other, new Ciede2000Target(target).DifferenceTo(other), Ciede2000.Difference(target, other));

        public void Record(Lab target, Lab other, double fast, double reference)
        {
            count++;
            var difference = Math.Abs(fast - reference);
            if (double.IsNaN(error) || difference <= error)
            {
                return;
            }

            error = difference; // a NaN difference sticks, and fails the assertion
            where = string.Create(CultureInfo.InvariantCulture, $"{target} → {other}: {fast:R} vs reference {reference:R}");
        }

        public void Assert()
        {
            count.ShouldBeGreaterThan(0);
            error.ShouldBeLessThanOrEqualTo(Tolerance, where);
        }
    }
}
