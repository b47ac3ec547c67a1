using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Core.Design;
using Stipple.Core.Rendering;
using Stipple.Web.Features.Design;
using Stipple.Web.Features.Layout;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>
/// Two saved versions side by side: both healed on the scalp map, both hairlines on one drawing, and what changed in
/// numbers (height, zones, dots and time per session).
/// </summary>
public sealed class CompareModel(DesignVersionService versions, DesignService designs, StudioClock clock) : PageModel
{
    /// <summary>The part of the map the previews show (mm): the whole width, glabella to behind the crown.</summary>
    public static readonly MapRect View = new(-170, -8, 340, 290);

    private const double PxPerMm = 2;

    public Guid ConsultationId { get; private set; }

    public Side A { get; private set; } = null!;

    public Side B { get; private set; } = null!;

    public StudioClock Clock => clock;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, int a, int b, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        var first = await versions.GetAsync(id, a, cancellationToken);
        var second = await versions.GetAsync(id, b, cancellationToken);
        if (first?.Design is null || second?.Design is null)
        {
            return NotFound();
        }

        ConsultationId = id;
        A = await SideAsync(first, cancellationToken);
        B = await SideAsync(second, cancellationToken);
        Rows = Compare(A, B);
        return Page();
    }

    /// <summary>SVG points of a hairline in map mm.</summary>
    public static string Points(IEnumerable<MapPoint> points) =>
        string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.##},{p.Y:0.##}")));

    private async Task<Side> SideAsync(DesignVersionDto version, CancellationToken cancellationToken)
    {
        var (result, report) = await designs.StippleAsync(version.Design!, cancellationToken);
        var png = PngEncoder.Encode(DotRenderer.Render(result, new RenderOptions { Look = Look.Healed, PxPerMm = PxPerMm, View = View }));
        var curve = new HairlineCurve(version.Design!.Hairline.Points);
        return new Side(version, report, $"data:image/png;base64,{Convert.ToBase64String(png)}", curve.Points.ToArray());
    }

    private static List<Row> Compare(Side a, Side b)
    {
        var rows = new List<Row>
        {
            Line("Hairline height", a.Version.MidFrontalPointMm / 10, b.Version.MidFrontalPointMm / 10, "0.0", " cm"),
            Line("Dots in all", a.Report.TotalDots, b.Report.TotalDots, "N0", ""),
            Line("Transition depth", a.Version.Design!.Transition.DepthMm, b.Version.Design!.Transition.DepthMm, "0.#", " mm"),
            Line("Sessions", a.Report.Sessions.Count, b.Report.Sessions.Count, "0", ""),
        };
        foreach (var name in a.Report.Zones.Select(z => z.Name).Union(b.Report.Zones.Select(z => z.Name), StringComparer.Ordinal))
        {
            var za = a.Report.Zones.FirstOrDefault(z => string.Equals(z.Name, name, StringComparison.Ordinal));
            var zb = b.Report.Zones.FirstOrDefault(z => string.Equals(z.Name, name, StringComparison.Ordinal));
            rows.Add(Line($"{name}: area", za?.AreaCm2, zb?.AreaCm2, "0.0", " cm²"));
            rows.Add(Line($"{name}: density", za?.TargetDensityPerCm2, zb?.TargetDensityPerCm2, "0", "/cm²"));
            rows.Add(Line($"{name}: dots", za?.Dots, zb?.Dots, "N0", ""));
        }

        var sessions = Math.Max(a.Report.Sessions.Count, b.Report.Sessions.Count);
        for (var k = 0; k < sessions; k++)
        {
            var sa = k < a.Report.Sessions.Count ? a.Report.Sessions[k] : null;
            var sb = k < b.Report.Sessions.Count ? b.Report.Sessions[k] : null;
            rows.Add(Line($"Session {k + 1}: impressions", sa?.Dots, sb?.Dots, "N0", ""));
            rows.Add(Line($"Session {k + 1}: needling time", sa?.EstimatedMinutes, sb?.EstimatedMinutes, "0", " min"));
        }

        return rows;
    }

    private static Row Line(string label, double? a, double? b, string format, string unit)
    {
        var culture = CultureInfo.GetCultureInfo("en-GB");
        string Show(double? v) => v is { } x ? x.ToString(format, culture) + unit : "—";
        var change = a is { } x && b is { } y ? y - x : (double?)null;
        var changeText = change switch
        {
            null => "",
            var d when Math.Abs(d.Value) < 1e-9 => "same",
            var d => (d > 0 ? "+" : "−") + Math.Abs(d.Value).ToString(format, culture) + unit,
        };
        return new Row(label, Show(a), Show(b), changeText, change is { } c && Math.Abs(c) >= 1e-9);
    }

    public sealed record Side(DesignVersionDto Version, DesignReport Report, string PreviewDataUri, MapPoint[] Hairline);

    public sealed record Row(string Label, string A, string B, string Change, bool Changed);
}
