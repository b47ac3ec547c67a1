using System.Globalization;
using Stipple.Core.Colour;

namespace Stipple.Core.Tests.Colour;

public sealed class Ciede2000Tests
{
    public static TheoryData<int, double, double, double, double, double, double, double> SharmaPairs()
    {
        var data = new TheoryData<int, double, double, double, double, double, double, double>();
        foreach (var line in File.ReadLines(DataFile()).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("pair", StringComparison.Ordinal)))
        {
            var v = line.Split(',').Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            data.Add((int)v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SharmaPairs))]
    public void Matches_the_published_Sharma_2005_pairs(int pair, double l1, double a1, double b1, double l2, double a2, double b2, double expected)
    {
        var difference = Ciede2000.Difference(new Lab(l1, a1, b1), new Lab(l2, a2, b2));

        difference.ShouldBe(expected, 1e-4, $"pair {pair}");
        Ciede2000.Difference(new Lab(l2, a2, b2), new Lab(l1, a1, b1)).ShouldBe(difference, 1e-12, "ΔE00 is symmetric");
    }

    [Fact]
    public void The_data_file_holds_all_34_pairs() => SharmaPairs().Count.ShouldBe(34);

    [Fact]
    public void Parametric_factors_scale_their_terms()
    {
        var lighter = new Lab(60, 0, 0);
        var darker = new Lab(50, 0, 0);

        // Neutral colours differ in lightness only, so ΔE00 is |ΔL| / (kL·SL).
        var reference = Ciede2000.Difference(lighter, darker);
        Ciede2000.Difference(lighter, darker, 2, 1, 1).ShouldBe(reference / 2, 1e-12);
        Ciede2000.Difference(lighter, darker, 1, 3, 3).ShouldBe(reference, 1e-12);
        Ciede2000.Difference(lighter, lighter).ShouldBe(0);
    }

    // The published pairs, copied into the repository (tests/Stipple.Core.Tests/Data) with their citation line.
    private static string DataFile() => Path.Combine(AppContext.BaseDirectory, "Data", "ciede2000-sharma-2005.csv");
}
