using BenchmarkDotNet.Attributes;
using Stipple.Core.Design;
using Stipple.Core.Rendering;

namespace Stipple.Benchmarks;

/// <summary>
/// The design engine's targets (issue 3): a full head (≈ 500 cm² at 100/cm², 3 progressive sessions, ≈ 50,000 dots)
/// stipples in under 50 ms on one core at ≥ 1 million dots/s with variable density, and renders at 2048×2048 in under
/// 50 ms, using under 64 MB. Allocated bytes per operation (MemoryDiagnoser) stand for the memory used.
/// </summary>
[MemoryDiagnoser]
public class DesignBenchmarks
{
    private readonly DesignDocument fullHead = FullHead();
    private readonly DesignDocument mixed = MixedDensities();
    private StippleResult result = null!;
    private Homography topPhoto = null!;

    [GlobalSetup]
    public void Setup()
    {
        result = Stippler.Stipple(fullHead); // also builds the shared blue-noise tile once, as a running app would
        topPhoto = TopPhotoAlignment().ToHomography(1600, 1200);
        var onPhoto = result.Dots.ToArray().Count(d => topPhoto.TryMap(new MapPoint(d.X, d.Y), out var q) && q.X is >= 0 and <= 1600 && q.Y is >= 0 and <= 1200);
        Console.WriteLine($"// top photo: {onPhoto} of the full head's dots land on it, {topPhoto.LocalScale(new MapPoint(0, 0)):F2}–{topPhoto.LocalScale(new MapPoint(0, 300)):F2} px/mm");
        Console.WriteLine($"// full head: {result.DotCount} dots over {result.Zones.Sum(z => z.AreaCm2):F1} cm²; mixed: {Stippler.Stipple(mixed).DotCount} dots");
    }

    /// <summary>The full-head design: the male mature template with the mid-scalp and crown widened to the whole top and back.</summary>
    public static DesignDocument FullHead()
    {
        var template = DesignTemplates.Create(TemplateKind.MaleMature);
        var zones = template.Zones.ToList();
        zones[3] = zones[3] with { Polygon = [new(-118, 150), new(118, 150), new(128, 210), new(-128, 210)] };
        zones[4] = zones[4] with
        {
            Polygon = [new(-128, 210), new(128, 210), new(124, 255), new(96, 292), new(45, 310), new(-45, 310), new(-96, 292), new(-124, 255)],
        };
        return template with { Zones = zones };
    }

    /// <summary>Zones from 20 to 150/cm², a scar and an exclusion, behind the usual transition band.</summary>
    public static DesignDocument MixedDensities()
    {
        var design = FullHead();
        var zones = design.Zones.ToList();
        zones[0] = zones[0] with { DensityPerCm2 = 120 };
        zones[1] = zones[1] with { DensityPerCm2 = 60 };
        zones[2] = zones[2] with { DensityPerCm2 = 20 };
        zones[3] = zones[3] with { DensityPerCm2 = 150 };
        zones.Add(new ZoneSpec { Name = "FUT scar", Kind = ZoneKind.Scar, DensityPerCm2 = 80, Polygon = [new(-90, 250), new(90, 250), new(90, 262), new(-90, 262)] });
        zones.Add(new ZoneSpec { Name = "Mole", Kind = ZoneKind.Exclusion, Polygon = [new(20, 170), new(30, 170), new(30, 180), new(20, 180)] });
        return design with { Zones = zones };
    }

    /// <summary>
    /// A photo of the top of the head, 1600 × 1200: glabella at the bottom, the nape near the top, about 3.3 px/mm at the
    /// front and a little less at the back, so the whole template lands in the image.
    /// </summary>
    public static PhotoAlignment TopPhotoAlignment()
    {
        var errors = new List<(string Field, string Message)>();
        return PhotoAlignment.TryCreate(new(0.5, 1150 / 1200.0), new(0.35, 850 / 1200.0), new(0.65, 850 / 1200.0), new(0.5, 580 / 1200.0), 1600, 1200, errors)
            ?? throw new InvalidOperationException(errors[0].Message);
    }

    [Benchmark]
    public int StippleFullHead() => Stippler.Stipple(fullHead).DotCount;

    [Benchmark]
    public int StippleMixedDensities() => Stippler.Stipple(mixed).DotCount;

    [Benchmark]
    public int RenderHealed2048() => DotRenderer.Render(result, new RenderOptions { WidthPx = 2048, HeightPx = 2048 }).Width;

    [Benchmark]
    public int RenderFresh2048() => DotRenderer.Render(result, new RenderOptions { Look = Look.Fresh, WidthPx = 2048, HeightPx = 2048 }).Width;

    [Benchmark]
    public int EncodePng2048() => PngEncoder.Encode(DotRenderer.Render(result, new RenderOptions { WidthPx = 2048, HeightPx = 2048 })).Length;

    [Benchmark]
    public int OverlayHealedFullHead1600x1200() => PhotoOverlay.Render(result, new RenderOptions(), topPhoto, 1600, 1200).Width;
}
