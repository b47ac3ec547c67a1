using System.Buffers.Binary;
using Stipple.Core.Design;

namespace Stipple.Core.Tests.Design;

public sealed class TemplateAndCurveTests
{
    [Theory]
    [InlineData(TemplateKind.MaleMature, 80.0)]
    [InlineData(TemplateKind.MaleJuvenile, 72.0)]
    [InlineData(TemplateKind.Female, 56.5)]
    public void Templates_put_the_mid_frontal_point_at_the_documented_height(TemplateKind kind, double expectedMm)
    {
        var template = DesignTemplates.Create(kind);

        var check = DesignValidator.Check(template);
        var result = Stippler.Stipple(template);

        check.IsValid.ShouldBeTrue();
        check.Warnings.ShouldBeEmpty();
        result.MidFrontalPointMm.ShouldBe(expectedMm, 0.01);
        result.Warnings.ShouldBeEmpty("a template should not start with advice against itself");
    }

    [Fact]
    public void Male_templates_are_in_the_70_to_100_mm_range_and_the_female_one_in_55_to_65()
    {
        new HairlineCurve(DesignTemplates.Create(TemplateKind.MaleMature).Hairline.Points).MidlineY()!.Value.ShouldBeInRange(70, 100);
        new HairlineCurve(DesignTemplates.Create(TemplateKind.MaleJuvenile).Hairline.Points).MidlineY()!.Value.ShouldBeInRange(70, 100);
        new HairlineCurve(DesignTemplates.Create(TemplateKind.Female).Hairline.Points).MidlineY()!.Value.ShouldBeInRange(55, 65);
    }

    [Fact]
    public void The_mature_frontotemporal_angle_sits_on_the_lateral_canthus_line()
    {
        var curve = new HairlineCurve(DesignTemplates.Create(TemplateKind.MaleMature).Hairline.Points);

        // The recession's deepest point (largest y) between the midline and the temporal peak, on each side.
        var points = curve.Points.ToArray();
        var right = points.Where(p => p.X is > 20 and < 70).MaxBy(p => p.Y);
        var left = points.Where(p => p.X is < -20 and > -70).MaxBy(p => p.Y);

        right.X.ShouldBe(ScalpMap.LateralCanthusX, 2);
        left.X.ShouldBe(-ScalpMap.LateralCanthusX, 2);
        right.Y.ShouldBeGreaterThan(80 + 15, "a mature hairline recedes at the temples");
    }

    [Theory]
    [InlineData("male-mature", TemplateKind.MaleMature)]
    [InlineData("MALE-JUVENILE", TemplateKind.MaleJuvenile)]
    [InlineData("female", TemplateKind.Female)]
    public void Template_names_parse(string name, TemplateKind kind)
    {
        DesignTemplates.TryParse(name, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(kind);
        DesignTemplates.TryParse("male", out _).ShouldBeFalse();
    }

    [Fact]
    public void The_hairline_curve_passes_through_every_control_point_smoothly()
    {
        MapPoint[] control = [new(-90, 70), new(-40, 95), new(0, 80), new(40, 95), new(90, 70)];
        var curve = new HairlineCurve(control);
        var points = curve.Points.ToArray();

        foreach (var c in control)
        {
            points.Min(p => Math.Sqrt(Math.Pow(p.X - c.X, 2) + Math.Pow(p.Y - c.Y, 2))).ShouldBeLessThan(1e-9);
        }

        points.Zip(points.Skip(1)).ShouldAllBe(pair => Math.Sqrt(Math.Pow(pair.Second.X - pair.First.X, 2) + Math.Pow(pair.Second.Y - pair.First.Y, 2)) < 2.5);
        curve.MidlineY()!.Value.ShouldBe(80, 1e-9);
    }

    [Fact]
    public void Dots_travel_as_16_byte_little_endian_records()
    {
        Dot[] dots = [new(-12.5f, 80.25f, 0.12f, 2, 7), new(1, 2, 3, 4, 5)];

        var bytes = DotsBinary.ToArray(dots);

        bytes.Length.ShouldBe(32);
        BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(0)).ShouldBe(-12.5f);
        BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4)).ShouldBe(80.25f);
        BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8)).ShouldBe(0.12f);
        bytes[12].ShouldBe((byte)2);
        bytes[13].ShouldBe((byte)7); // the zone index (byte 13 was zero before issue 6)
        bytes.AsSpan(14, 2).ToArray().ShouldBe(new byte[2]);
        bytes[16 + 13].ShouldBe((byte)5);
        bytes.AsSpan(0, 4).ToArray().ShouldBe(new byte[] { 0x00, 0x00, 0x48, 0xC1 }); // −12.5f, least significant byte first
        DotsBinary.Read(bytes).ShouldBe(dots);
        Should.Throw<FormatException>(() => DotsBinary.Read(new byte[17]));
    }
}
