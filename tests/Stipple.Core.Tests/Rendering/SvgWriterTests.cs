using System.Globalization;
using System.Xml.Linq;
using Stipple.Core.Design;
using Stipple.Core.Rendering;
using static Stipple.Core.Tests.Rendering.RenderTestData;

namespace Stipple.Core.Tests.Rendering;

public sealed class SvgWriterTests
{
    // These tests check the dot model itself; the scatter shadow has its own tests.
    private static readonly LookParameters Crisp = LookParameters.Default with { ScatterOpacity = 0 };

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void With_the_scatter_shadow_each_dot_has_a_wider_fainter_circle_beneath_it()
    {
        Dot[] dots = [new(2, 2, 0.12f, 1, 0), new(5, 5, 0.12f, 1, 0)];
        var svg = Write(dots, new MapRect(0, 0, 10, 10), new RenderOptions()).Root!;
        var shadows = svg.Descendants(Svg + "g").Where(g => string.Equals((string?)g.Attribute("data-scatter"), "1", StringComparison.Ordinal))
            .SelectMany(g => g.Elements(Svg + "circle")).ToList();
        var circles = svg.Descendants(Svg + "circle").ToList();

        circles.Count.ShouldBe(4);
        shadows.Count.ShouldBe(2);
        circles.IndexOf(shadows[0]).ShouldBeLessThan(2, "shadows are drawn first, under the dots");
        shadows.ShouldAllBe(c => string.Equals((string?)c.Attribute("r"), "0.135", StringComparison.Ordinal));
    }

    private static XDocument Write(ReadOnlySpan<Dot> dots, MapRect view, RenderOptions options)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        SvgWriter.Write(TwoZones, dots, view, options, text);
        return XDocument.Parse(text.ToString());
    }

    [Fact]
    public void Writes_a_well_formed_SVG_with_a_mm_viewBox_and_pixel_size()
    {
        var svg = Write([], new MapRect(-12.5, 3, 25, 10), new RenderOptions { Parameters = Crisp, PxPerMm = 4 }).Root!;

        svg.Name.ShouldBe(Svg + "svg");
        svg.Attribute("version")!.Value.ShouldBe("1.1");
        svg.Attribute("viewBox")!.Value.ShouldBe("-12.5 3 25 10");
        svg.Attribute("width")!.Value.ShouldBe("100");
        svg.Attribute("height")!.Value.ShouldBe("40");
        var rect = svg.Element(Svg + "rect")!;
        rect.Attribute("fill")!.Value.ShouldBe("#d8b094");
        rect.Attribute("width")!.Value.ShouldBe("25");
    }

    [Fact]
    public void One_circle_per_dot_in_view_grouped_by_session()
    {
        Dot[] dots =
        [
            new(1, 1, 0.12f, 1, 0), new(2, 1, 0.12f, 1, 1), new(3, 1, 0.12f, 2, 0),
            new(4, 1, 0.12f, 3, 0), new(5, 1, 0.12f, 1, 0), new(50, 1, 0.12f, 1, 0),
        ];

        var svg = Write(dots, new MapRect(0, 0, 10, 10), new RenderOptions { Parameters = Crisp }).Root!;

        svg.Descendants(Svg + "circle").Count().ShouldBe(5); // the dot at x = 50 mm is out of view
        var sessions = svg.Elements(Svg + "g").ToList();
        sessions.Select(g => g.Attribute("data-session")!.Value).ShouldBe(["1", "2", "3"]);
        sessions[0].Descendants(Svg + "circle").Count().ShouldBe(3);
        sessions[0].Elements(Svg + "g").Count().ShouldBe(3, "runs of zone 0, zone 1, zone 0");
    }

    [Fact]
    public void Circles_carry_mm_radius_and_the_look_colour_and_opacity()
    {
        Dot[] dots = [new(1.23456f, 2.5f, 0.12f, 1, 0)];

        var healed = Write(dots, new MapRect(0, 0, 10, 10), new RenderOptions { Parameters = Crisp }).Root!;
        var fresh = Write(dots, new MapRect(0, 0, 10, 10), new RenderOptions { Parameters = Crisp, Look = Look.Fresh }).Root!;
        var aged = Write(dots, new MapRect(0, 0, 10, 10), new RenderOptions { Parameters = Crisp, Look = Look.Aged, Years = 2 }).Root!;

        var circle = healed.Descendants(Svg + "circle").Single();
        circle.Attribute("cx")!.Value.ShouldBe("1.235");
        circle.Attribute("cy")!.Value.ShouldBe("2.5");
        circle.Attribute("r")!.Value.ShouldBe("0.06");
        var zone = circle.Parent!;
        zone.Attribute("fill")!.Value.ShouldBe(Shade0);
        zone.Attribute("fill-opacity")!.Value.ShouldBe("0.75");

        fresh.Descendants(Svg + "circle").Single().Attribute("r")!.Value.ShouldBe("0.108");
        fresh.Descendants(Svg + "circle").Single().Parent!.Attribute("fill")!.Value.ShouldNotBe(Shade0);
        aged.Descendants(Svg + "circle").Single().Attribute("r")!.Value.ShouldBe("0.066");
        aged.Descendants(Svg + "circle").Single().Parent!.Attribute("fill-opacity")!.Value.ShouldBe("0.608"); // 0.75 × 0.9²
    }

    [Fact]
    public void Transparent_background_has_no_rect_and_the_session_option_filters()
    {
        Dot[] dots = [new(1, 1, 0.12f, 1, 0), new(2, 1, 0.12f, 2, 0)];

        var svg = Write(dots, new MapRect(0, 0, 10, 10), new RenderOptions { Parameters = Crisp, Background = null, Session = 1 }).Root!;

        svg.Elements(Svg + "rect").ShouldBeEmpty();
        svg.Descendants(Svg + "circle").Count().ShouldBe(1);
    }

    [Fact]
    public void Numbers_are_culture_invariant()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var svg = Write([new(1.5f, 2.25f, 0.12f, 1, 0)], new MapRect(0.5, 0, 10, 10), new RenderOptions { Parameters = Crisp }).Root!;

            svg.Attribute("viewBox")!.Value.ShouldBe("0.5 0 10 10");
            svg.Descendants(Svg + "circle").Single().Attribute("cx")!.Value.ShouldBe("1.5");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void The_result_overload_writes_every_dot_in_the_bounds()
    {
        var result = Stippler.Stipple(DesignTemplates.Create(TemplateKind.Female));
        using var text = new StringWriter(CultureInfo.InvariantCulture);

        SvgWriter.Write(result, new RenderOptions { Parameters = Crisp, WidthPx = 800 }, text);

        var svg = XDocument.Parse(text.ToString()).Root!;
        svg.Attribute("width")!.Value.ShouldBe("800");
        svg.Descendants(Svg + "circle").Count().ShouldBe(result.DotCount);
        svg.Elements(Svg + "g").Count().ShouldBe(result.Design.Sessions.Count);
    }
}
