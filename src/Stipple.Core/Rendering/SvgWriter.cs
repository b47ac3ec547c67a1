using System.Globalization;
using Stipple.Core.Design;

namespace Stipple.Core.Rendering;

/// <summary>
/// Writes dots as an SVG 1.1 document: <c>viewBox</c> in map millimetres, <c>width</c>/<c>height</c> in pixels as
/// <see cref="DotRenderer"/> would size the image, a background <c>rect</c> unless transparent, and one <c>circle</c>
/// per dot in view, grouped per session (<c>&lt;g data-session="1"&gt;</c>, so a viewer can toggle sessions) and, within a
/// session, in runs of one zone (a nested <c>g</c> carrying <c>fill</c> and <c>fill-opacity</c>).
/// </summary>
/// <remarks>
/// Diameters, colours and opacities come from the same look maths as the raster (<see cref="LookParameters"/>). Two
/// differences: the soft edge is not drawn (a crisp circle of the nominal radius has the same ink), and SVG viewers
/// blend in sRGB rather than linear light, so overlaps and partly transparent dots come out slightly darker than in
/// the PNG. Numbers are culture-invariant with at most 3 decimals (1 µm).
/// </remarks>
public static class SvgWriter
{
    private const string Mm = "0.###";

    /// <summary>
    /// Writes <paramref name="result"/>'s dots: sessions 1..<see cref="RenderOptions.Session"/> (all when null), over
    /// <see cref="RenderOptions.View"/> or, by default, the result's <see cref="StippleResult.Bounds"/>.
    /// </summary>
    public static void Write(StippleResult result, RenderOptions options, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        var dots = options.Session is { } session ? result.DotsThroughSession(session) : result.Dots;
        Write(result.Design, dots, options.View ?? result.Bounds, options, writer);
    }

    /// <summary>
    /// Writes <paramref name="dots"/> of <paramref name="design"/> over <paramref name="view"/> (mm); dots of sessions
    /// after <see cref="RenderOptions.Session"/> are left out and <see cref="RenderOptions.View"/> is not used.
    /// </summary>
    /// <exception cref="ArgumentException">As for <see cref="DotRenderer.Render(DesignDocument, ReadOnlySpan{Dot}, MapRect, RenderOptions)"/>.</exception>
    public static void Write(DesignDocument design, ReadOnlySpan<Dot> dots, MapRect view, RenderOptions options, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(writer);
        var layout = options.Layout(view);
        var model = new LookModel(design, options);
        var box = layout.View;
        var lastSession = options.Session ?? int.MaxValue;

        writer.Write("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
        writer.Write(Invariant($" width=\"{layout.Width}\" height=\"{layout.Height}\""));
        writer.Write(Invariant($" viewBox=\"{Num(box.X)} {Num(box.Y)} {Num(box.Width)} {Num(box.Height)}\">\n"));
        if (options.Background is { } skin)
        {
            writer.Write(Invariant($"<rect x=\"{Num(box.X)}\" y=\"{Num(box.Y)}\" width=\"{Num(box.Width)}\" height=\"{Num(box.Height)}\" fill=\"{skin.ToHex()}\"/>\n"));
        }

        // Sessions present, in order; a plan has at most a handful, so one pass over the dots per session is cheap.
        Span<bool> present = stackalloc bool[256];
        foreach (var dot in dots)
        {
            if (dot.Session <= lastSession)
            {
                model.Get(dot.Session, dot.Zone);
                present[dot.Session] = true;
            }
        }

        for (var session = 1; session < present.Length; session++)
        {
            if (present[session])
            {
                WriteSession(writer, dots, session, model, box);
            }
        }

        writer.Write("</svg>\n");
    }

    private static void WriteSession(TextWriter writer, ReadOnlySpan<Dot> dots, int session, LookModel model, MapRect box)
    {
        writer.Write(Invariant($"<g data-session=\"{session}\">\n"));

        // Pass 0 draws the scatter shadows (the same ink as the raster's fading disc: a circle at the fade's middle),
        // pass 1 the dots on top of them.
        for (var pass = model.HasScatter ? 0 : 1; pass < 2; pass++)
        {
            var grow = pass == 0 ? model.ScatterMm / 2 : 0;
            var share = pass == 0 ? model.ScatterOpacity : 1;
            var openZone = -1;
            foreach (var dot in dots)
            {
                if (dot.Session != session || !float.IsFinite(dot.X) || !float.IsFinite(dot.Y)
                    || !float.IsFinite(dot.DiameterMm) || dot.DiameterMm <= 0)
                {
                    continue;
                }

                var r = (dot.DiameterMm * model.DiameterScale / 2) + grow;
                if (dot.X + r < box.X || dot.X - r > box.Right || dot.Y + r < box.Y || dot.Y - r > box.Bottom)
                {
                    continue;
                }

                if (dot.Zone != openZone)
                {
                    if (openZone >= 0)
                    {
                        writer.Write("</g>\n");
                    }

                    var look = model.Get(session, dot.Zone);
                    writer.Write(Invariant($"<g fill=\"{look.Colour.ToHex()}\" fill-opacity=\"{Num(look.Opacity * share)}\"{(pass == 0 ? " data-scatter=\"1\"" : "")}>\n"));
                    openZone = dot.Zone;
                }

                writer.Write("<circle cx=\"");
                WriteNum(writer, dot.X);
                writer.Write("\" cy=\"");
                WriteNum(writer, dot.Y);
                writer.Write("\" r=\"");
                WriteNum(writer, r);
                writer.Write("\"/>\n");
            }

            if (openZone >= 0)
            {
                writer.Write("</g>\n");
            }
        }

        writer.Write("</g>\n");
    }

    /// <summary>At most 3 decimals, invariant, and never "-0".</summary>
    private static string Num(double value) => Round(value).ToString(Mm, CultureInfo.InvariantCulture);

    /// <summary>As <see cref="Num"/>, without allocating: one call per coordinate of every circle.</summary>
    private static void WriteNum(TextWriter writer, double value)
    {
        Span<char> text = stackalloc char[32];
        if (!Round(value).TryFormat(text, out var length, Mm, CultureInfo.InvariantCulture))
        {
            writer.Write(Num(value));
            return;
        }

        writer.Write(text[..length]);
    }

    private static double Round(double value)
    {
        var rounded = Math.Round(value, 3, MidpointRounding.AwayFromZero);
        return rounded == 0 ? 0 : rounded;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
