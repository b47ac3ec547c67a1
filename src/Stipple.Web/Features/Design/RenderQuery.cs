using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Stipple.Core.Colour;
using Stipple.Core.Rendering;
using Stipple.Web.Infrastructure;
using LookKind = Stipple.Core.Rendering.Look;

namespace Stipple.Web.Features.Design;

/// <summary>
/// The preview options of <c>POST /api/v1/design/render</c> as they arrive in the query string. They are strings so a
/// value that is not a number becomes an error naming the parameter rather than a bare 400; <see cref="ToOptions"/>
/// checks them all at once.
/// </summary>
public sealed record RenderQuery
{
    [FromQuery(Name = "look")]
    [Description("Stage of the dots' life: fresh, healed (default) or aged.")]
    public string? Look { get; init; }

    [FromQuery(Name = "years")]
    [Description("Age in years for look=aged, 0–20 (default 0).")]
    public string? Years { get; init; }

    [FromQuery(Name = "session")]
    [Description("Show sessions 1..session only (default: all). Also limits the dots of application/octet-stream.")]
    public string? Session { get; init; }

    [FromQuery(Name = "pxPerMm")]
    [Description("Scale in pixels per mm, 1–128. Not with width/height. Default 8, lowered so the image fits 4096 px.")]
    public string? PxPerMm { get; init; }

    [FromQuery(Name = "width")]
    [Description("Image width in pixels, 1–4096; the view is scaled to fit.")]
    public string? Width { get; init; }

    [FromQuery(Name = "height")]
    [Description("Image height in pixels, 1–4096; the view is scaled to fit.")]
    public string? Height { get; init; }

    [FromQuery(Name = "background")]
    [Description("Skin colour as rrggbb or #rrggbb (URL-encode # as %23), or 'transparent'. Default #d8b094.")]
    public string? Background { get; init; }

    /// <summary>The options, or null with every problem added to <paramref name="errors"/> under the parameter's name.</summary>
    public RenderOptions? ToOptions(FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var valid = true;
        void Fail(string name, string message)
        {
            errors.Add(name, message);
            valid = false;
        }

        LookKind? look = string.IsNullOrWhiteSpace(Look)
            ? LookKind.Healed
            : Enum.GetValues<LookKind>().Select(l => (LookKind?)l).FirstOrDefault(l => string.Equals(l.ToString(), Look.Trim(), StringComparison.OrdinalIgnoreCase));
        if (look is null)
        {
            Fail("look", "Look must be fresh, healed or aged.");
        }

        var years = Number(Years, "years", 0, RenderOptions.MaxYears, Fail) ?? 0;
        var session = Whole(Session, "session", 1, byte.MaxValue, Fail);
        var pxPerMm = Number(PxPerMm, "pxPerMm", RenderOptions.MinPxPerMm, RenderOptions.MaxPxPerMm, Fail);
        var width = Whole(Width, "width", 1, RenderOptions.MaxImageSide, Fail);
        var height = Whole(Height, "height", 1, RenderOptions.MaxImageSide, Fail);
        if (pxPerMm is not null && (width is not null || height is not null))
        {
            Fail("pxPerMm", "Give pxPerMm, or width and/or height, not both.");
        }

        Srgb8? background = RenderOptions.DefaultSkin;
        if (string.Equals(Background?.Trim(), "transparent", StringComparison.OrdinalIgnoreCase))
        {
            background = null;
        }
        else if (!string.IsNullOrWhiteSpace(Background))
        {
            if (Srgb8.TryParseHex(Background, out var colour))
            {
                background = colour;
            }
            else
            {
                Fail("background", "Background must be a colour such as d8b094 or %23d8b094, or 'transparent'.");
            }
        }

        return valid
            ? new RenderOptions { Look = look!.Value, Years = years, Session = session, PxPerMm = pxPerMm, WidthPx = width, HeightPx = height, Background = background }
            : null;
    }

    private static double? Number(string? text, string name, double min, double max, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= min && value <= max)
        {
            return value;
        }

        fail(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be a number from {min} to {max}."));
        return null;
    }

    private static int? Whole(string? text, string name, int min, int max, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        fail(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}."));
        return null;
    }
}
