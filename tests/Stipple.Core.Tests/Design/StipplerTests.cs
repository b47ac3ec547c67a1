using System.Security.Cryptography;
using Stipple.Core.Design;
using static Stipple.Core.Tests.Design.TestDesigns;

namespace Stipple.Core.Tests.Design;

public sealed class StipplerTests
{
    private static double Rule(double densityPerCm2) => Stippler.MinimumDistanceFactor / Math.Sqrt(densityPerCm2 / 100);

    [Theory]
    [InlineData(20)]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(150)]
    public void Achieved_density_in_the_interior_is_within_3_percent_of_the_target(double density)
    {
        var result = Stippler.Stipple(Uniform(density));

        // Counted by the test in a 100 × 80 mm window 10 mm inside the zone.
        var counted = CountIn(result.Dots, -50, 120, 50, 200) / 80.0;
        (counted / density).ShouldBeInRange(0.97, 1.03);
        (result.Zones[0].AchievedDensityPerCm2 / density).ShouldBeInRange(0.97, 1.03);
    }

    [Fact]
    public void Each_zone_of_a_mixed_design_gets_its_own_density()
    {
        var result = Stippler.Stipple(Mixed());

        (CountIn(result.Dots, -75, 115, -55, 205) / 18.0 / 60).ShouldBeInRange(0.97, 1.03);
        (CountIn(result.Dots, 5, 115, 75, 205) / 63.0 / 150).ShouldBeInRange(0.97, 1.03);
        result.Zones[0].Dots.ShouldBeGreaterThan(0);
        result.Zones[2].Dots.ShouldBe(0);
    }

    [Fact]
    public void Every_pair_of_dots_keeps_the_local_minimum_distance()
    {
        var design = Mixed();
        var result = Stippler.Stipple(design);
        var densities = design.Zones.Select(z => z.DensityPerCm2).ToArray();

        var ratio = MinPairRatio(result.Dots, 2, (a, b) => Rule(Math.Max(densities[a.Zone], densities[b.Zone])));

        ratio.ShouldBeGreaterThanOrEqualTo(1.0);
        result.MinimumDistanceRatio.ShouldBeGreaterThanOrEqualTo(1.0);
    }

    [Fact]
    public void No_dot_lies_outside_its_zones_or_inside_an_exclusion()
    {
        var design = Mixed() with
        {
            Zones =
            [
                Zone("Triangle", [new(-90, 100), new(90, 100), new(0, 230)], 120),
                Zone("Scar", [new(-20, 120), new(20, 118), new(24, 150), new(-18, 154)], 80, ZoneKind.Scar),
                Zone("Mole", [new(-10, 160), new(6, 158), new(12, 172), new(-4, 178), new(-14, 170)], kind: ZoneKind.Exclusion),
            ],
        };

        var result = Stippler.Stipple(design);

        result.DotCount.ShouldBeGreaterThan(5000);
        foreach (var dot in result.Dots)
        {
            TestDesigns.Inside(design.Zones[2].Polygon, dot.X, dot.Y).ShouldBeFalse();
            TestDesigns.Inside(design.Zones[dot.Zone].Polygon, dot.X, dot.Y).ShouldBeTrue();
            if (dot.Zone == 0)
            {
                TestDesigns.Inside(design.Zones[1].Polygon, dot.X, dot.Y).ShouldBeFalse("a later zone covers an earlier one");
            }
        }

        // The scar zone keeps its own density (80/cm²) under the triangle's 120.
        var scarDots = result.Zones[1].Dots;
        (scarDots / result.Zones[1].AreaCm2 / 80).ShouldBeInRange(0.9, 1.1);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Each_sessions_cumulative_dots_are_an_even_set_at_their_own_density(int sessions)
    {
        var design = Uniform(100, sessions);
        var result = Stippler.Stipple(design);
        var ramp = design.Sessions.Ramp;

        for (var k = 1; k <= sessions; k++)
        {
            var cumulative = result.DotsThroughSession(k);
            cumulative.ToArray().ShouldAllBe(d => d.Session <= k);
            (CountIn(cumulative, -50, 120, 50, 200) / 80.0 / (100 * ramp[k - 1])).ShouldBeInRange(0.97, 1.03);

            // Evenly spread: at its own density the set keeps the distance rule…
            var spacing = Rule(100 * ramp[k - 1]);
            MinPairRatio(cumulative, 3 * spacing, (_, _) => spacing).ShouldBeGreaterThanOrEqualTo(1.0);

            // …and has no clumps or holes: counts in 1 cm² squares vary far less than random (Poisson) points would.
            var counts = new List<int>();
            for (var x = -50; x < 50; x += 10)
            {
                for (var y = 120; y < 200; y += 10)
                {
                    counts.Add(CountIn(cumulative, x, y, x + 10, y + 10));
                }
            }

            var mean = counts.Average();
            var variance = counts.Sum(c => (c - mean) * (c - mean)) / (counts.Count - 1);
            (variance / mean).ShouldBeLessThan(0.35, $"session {k}: a Poisson process gives 1");
        }
    }

    [Fact]
    public void Later_sessions_fill_between_earlier_dots_and_never_clump()
    {
        var result = Stippler.Stipple(Uniform(100));
        var first = result.DotsThroughSession(1).ToArray();
        var second = result.Dots.ToArray().Where(d => d.Session == 2).ToArray();

        // Every session-2 dot keeps session 2's spacing from every session-1 dot.
        var spacing = Rule(100 * 0.7);
        var all = first.Concat(second).ToArray();
        MinPairRatio(all, 3, (a, b) => a.Session == b.Session && a.Session == 1 ? Rule(30) : spacing).ShouldBeGreaterThanOrEqualTo(1.0);
        result.DotsPerSession.Sum().ShouldBe(result.DotCount);
    }

    [Fact]
    public void The_same_document_and_seed_give_byte_identical_dots_and_another_seed_does_not()
    {
        var design = DesignTemplates.Create(TemplateKind.MaleMature, seed: 42);
        var first = DotsBinary.ToArray(Stippler.Stipple(design).Dots);
        var again = DotsBinary.ToArray(Stippler.Stipple(DesignJson.Parse(DesignJson.Serialize(design)).Document!).Dots);
        var other = DotsBinary.ToArray(Stippler.Stipple(design with { Seed = 43 }).Dots);

        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void The_male_mature_template_gives_the_same_bytes_on_every_machine()
    {
        // A golden digest: integer random streams and IEEE arithmetic only, so x64 and Arm64, Linux and Windows agree.
        // If the engine changes on purpose, update this value in the same commit and say so.
        // Issue 6: byte 13 of each record now carries the zone index. The dots did not change: with byte 13 zeroed
        // the bytes still hash to the previous digest, 7b77d076fcce0057557482d24dff01cae349112ae08184aa21352b777af95a90.
        var bytes = DotsBinary.ToArray(Stippler.Stipple(DesignTemplates.Create(TemplateKind.MaleMature)).Dots);

        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(GoldenMaleMatureSha256);
    }

    [Fact]
    public void The_transition_band_ramps_up_behind_an_irregular_front_with_a_few_sentinels_ahead()
    {
        var design = new DesignDocument
        {
            Hairline = new HairlineSpec { Points = [new(-100, 80), new(0, 80), new(100, 80)] },
            Zones = [Zone("Frontal", Rect(-100, 70, 100, 150))],
            Transition = new TransitionSpec { DepthMm = 8, StartFraction = 0.4, IrregularityMm = 1.5, SentinelsPer10Mm = 2 },
            Sessions = Plan(1),
            Seed = 3,
        };
        var result = Stippler.Stipple(design);

        double Density(double y0, double y1) => CountIn(result.Dots, -90, y0, 90, y1) / (18.0 * (y1 - y0) / 10) / 100;

        Density(80, 83).ShouldBeInRange(0.3, 0.75);   // the front of the band: sparse
        Density(92, 140).ShouldBeInRange(0.97, 1.03); // behind it: the zone's density
        Density(83, 86).ShouldBeLessThan(Density(86, 89));

        // Sentinels: a few dots ahead of the drawn line, none far ahead.
        var ahead = result.Dots.ToArray().Where(d => d.Y < 80).ToArray();
        ahead.Length.ShouldBeInRange(10, 120);
        ahead.ShouldAllBe(d => d.Y > 80 - 1.5 - 3.01);

        // No straight front: the first dot in each 4 mm column sits at varying depths.
        var fronts = Enumerable.Range(0, 45).Select(i => result.Dots.ToArray().Where(d => d.X >= -90 + (4 * i) && d.X < -86 + (4 * i) && d.Y >= 79).Min(d => d.Y)).ToArray();
        var meanFront = fronts.Average();
        Math.Sqrt(fronts.Sum(f => (f - meanFront) * (f - meanFront)) / fronts.Length).ShouldBeGreaterThan(0.3);
    }

    [Fact]
    public void The_report_counts_every_dot_and_estimates_minutes_at_the_studios_rate()
    {
        var result = Stippler.Stipple(DesignTemplates.Create(TemplateKind.MaleMature));
        var report = DesignReport.Create(result, 70, TimeSpan.FromMilliseconds(12.5));

        report.TotalDots.ShouldBe(result.DotCount);
        report.Sessions.Sum(s => s.Dots).ShouldBe(report.TotalDots);
        report.Sessions.ShouldAllBe(s => Math.Abs(s.EstimatedMinutes - Math.Round(s.Dots / 70.0)) < 1e-9);
        report.Zones.Sum(z => z.Dots).ShouldBe(report.TotalDots);
        report.Zones.ShouldAllBe(z => z.AreaCm2 > 0 && Math.Abs((z.AchievedDensityPerCm2 / z.TargetDensityPerCm2) - 1) <= 0.03);
        report.Quality.MinimumDistanceRatio.ShouldBeGreaterThanOrEqualTo(1);
        report.Quality.Coverage.ShouldBeGreaterThan(0.99);
        report.StippleMilliseconds.ShouldBe(12.5);
        report.MidFrontalPointMm.ShouldBe(80, 0.05);
        DesignJson.Serialize(report).ShouldContain("\"achievedDensityPerCm2\"");
    }

    [Fact]
    public void A_design_asking_for_more_dots_than_the_cap_is_refused_naming_the_zones()
    {
        var design = new DesignDocument
        {
            Hairline = new HairlineSpec { Points = [new(-170, 0), new(0, 40), new(170, 0)] },
            Zones = [Zone("Everything", Rect(-170, 0, 170, 340), 150)],
        };

        var error = Should.Throw<DesignValidationException>(() => Stippler.Stipple(design));

        error.Errors.ShouldContain(e => e.Field == "zones" && e.Message.Contains("150,000"));
    }

    [Fact]
    public void An_invalid_design_is_refused_with_every_error()
    {
        var design = Uniform(500) with { Sessions = new SessionPlanSpec { Count = 9 } };

        var error = Should.Throw<DesignValidationException>(() => Stippler.Stipple(design));

        error.Errors.Select(e => e.Field).ShouldBe(["zones[0].densityPerCm2", "sessions.count"], ignoreOrder: true);
    }

    private const string GoldenMaleMatureSha256 = "2c9be8be4bde852f886ce06b509bc23ad433a567ef44ab247b13de23ba91f1c7";
}
