using System.Globalization;
using Stipple.Core.Colour;
using Stipple.Core.Design;

namespace Stipple.Core.Rendering;

/// <summary>
/// What a preview shows and at what size: the <see cref="Look"/>, which sessions, the scale or pixel size, the
/// background and the part of the map. Each property checks its own range when set (an
/// <see cref="ArgumentOutOfRangeException"/> naming the property); rules across properties are checked when an image
/// size is worked out, with an <see cref="ArgumentException"/> naming the property at fault.
/// </summary>
/// <remarks>
/// Size: give <see cref="PxPerMm"/>, or <see cref="WidthPx"/> and/or <see cref="HeightPx"/>, or neither (then
/// <see cref="DefaultPxPerMm"/>, lowered if needed so the longer side fits <see cref="MaxImageSide"/>). With only one of
/// width and height the other follows the view's aspect; with both the image has exactly that size, the view scaled to
/// fit and widened about its centre to fill it. No side may exceed <see cref="MaxImageSide"/>, which bounds a render's
/// buffer to 64 MiB of RGBA.
/// </remarks>
public sealed record RenderOptions
{
    /// <summary>
    /// Largest width or height of a rendered image in pixels: 4096 × 4096 × 4 bytes = 64 MiB of RGBA, the most one
    /// preview may hold in memory (the renderer's other buffers are a few MiB at this size).
    /// </summary>
    public const int MaxImageSide = 4096;

    /// <summary>Smallest explicit scale, in pixels per mm.</summary>
    public const double MinPxPerMm = 1;

    /// <summary>Largest explicit scale, in pixels per mm (a 0.12 mm dot is then about 15 px across).</summary>
    public const double MaxPxPerMm = 128;

    /// <summary>Scale used when no size is given: 8 px/mm, so a 0.12 mm healed dot is about one pixel.</summary>
    public const double DefaultPxPerMm = 8;

    /// <summary>Largest age of an <see cref="Rendering.Look.Aged"/> preview, in years.</summary>
    public const double MaxYears = 20;

    private readonly Look look = Look.Healed;
    private readonly double years;
    private readonly int? session;
    private readonly double? pxPerMm;
    private readonly int? widthPx;
    private readonly int? heightPx;
    private readonly MapRect? view;
    private readonly LookParameters parameters = LookParameters.Default;

    /// <summary>Default background: <c>#d8b094</c>, a mid (Fitzpatrick III-ish) skin tone.</summary>
    public static Srgb8 DefaultSkin { get; } = new(0xd8, 0xb0, 0x94);

    /// <summary>Which stage of the dots' life to show (default <see cref="Rendering.Look.Healed"/>).</summary>
    public Look Look
    {
        get => look;
        init => look = Enum.IsDefined(value)
            ? value
            : throw OutOfRange(nameof(Look), value, "Look must be Fresh, Healed or Aged.");
    }

    /// <summary>Age in years for <see cref="Rendering.Look.Aged"/> (0–20; fractions allowed; ignored by other looks).</summary>
    public double Years
    {
        get => years;
        init => years = double.IsFinite(value) && value is >= 0 and <= MaxYears
            ? value
            : throw OutOfRange(nameof(Years), value, "Years must be between 0 and 20.");
    }

    /// <summary>Show sessions 1..<c>Session</c> only (1–255); <see langword="null"/> (default) shows every session.</summary>
    public int? Session
    {
        get => session;
        init => session = value is null or (>= 1 and <= byte.MaxValue)
            ? value
            : throw OutOfRange(nameof(Session), value, "Session must be between 1 and 255 (sessions are 1-based).");
    }

    /// <summary>Scale in pixels per mm (1–128). Not together with <see cref="WidthPx"/> or <see cref="HeightPx"/>.</summary>
    public double? PxPerMm
    {
        get => pxPerMm;
        init => pxPerMm = value is null || (double.IsFinite(value.Value) && value.Value is >= MinPxPerMm and <= MaxPxPerMm)
            ? value
            : throw OutOfRange(nameof(PxPerMm), value, "PxPerMm must be between 1 and 128.");
    }

    /// <summary>Image width in pixels (1–4096): the view is scaled to fit.</summary>
    public int? WidthPx
    {
        get => widthPx;
        init => widthPx = CheckSide(value, nameof(WidthPx));
    }

    /// <summary>Image height in pixels (1–4096): the view is scaled to fit.</summary>
    public int? HeightPx
    {
        get => heightPx;
        init => heightPx = CheckSide(value, nameof(HeightPx));
    }

    /// <summary>
    /// Skin colour behind the dots (default <see cref="DefaultSkin"/>); <see langword="null"/> for a transparent
    /// background with straight alpha, to lay the preview over a photo.
    /// </summary>
    public Srgb8? Background { get; init; } = DefaultSkin;

    /// <summary>
    /// The part of the map to show, in mm (finite, positive size). <see langword="null"/> (default): the result's
    /// <see cref="StippleResult.Bounds"/>. Used by the <see cref="StippleResult"/> overloads; the others take the view
    /// as an argument.
    /// </summary>
    public MapRect? View
    {
        get => view;
        init => view = value is null || IsUsable(value.Value)
            ? value
            : throw OutOfRange(nameof(View), value, "View must have a finite position and a positive, finite size.");
    }

    /// <summary>The numbers behind each look (default <see cref="LookParameters.Default"/>).</summary>
    public LookParameters Parameters
    {
        get => parameters;
        init => parameters = value ?? throw Missing(nameof(Parameters));
    }

    /// <summary>Works out the image size and the mm → pixel mapping for <paramref name="mapView"/>.</summary>
    /// <exception cref="ArgumentException">The options conflict or the image would exceed <see cref="MaxImageSide"/>.</exception>
    internal RenderLayout Layout(MapRect mapView)
    {
        if (!IsUsable(mapView))
        {
            throw Conflict(nameof(View), "The view must have a finite position and a positive, finite size.");
        }

        if (pxPerMm is not null && (widthPx is not null || heightPx is not null))
        {
            throw Conflict(nameof(PxPerMm), "Give PxPerMm or WidthPx/HeightPx, not both.");
        }

        if (widthPx is { } w && heightPx is { } h)
        {
            var fit = Math.Min(w / mapView.Width, h / mapView.Height);
            var cx = mapView.X + (mapView.Width / 2);
            var cy = mapView.Y + (mapView.Height / 2);
            var wide = new MapRect(cx - (w / fit / 2), cy - (h / fit / 2), w / fit, h / fit);
            return new RenderLayout(w, h, fit, wide);
        }

        if (widthPx is { } widthOnly)
        {
            var scale = widthOnly / mapView.Width;
            return new RenderLayout(widthOnly, Side(mapView.Height * scale, nameof(WidthPx)), scale, mapView);
        }

        if (heightPx is { } heightOnly)
        {
            var scale = heightOnly / mapView.Height;
            return new RenderLayout(Side(mapView.Width * scale, nameof(HeightPx)), heightOnly, scale, mapView);
        }

        if (pxPerMm is { } explicitScale)
        {
            return new RenderLayout(
                Side(mapView.Width * explicitScale, nameof(PxPerMm)), Side(mapView.Height * explicitScale, nameof(PxPerMm)), explicitScale, mapView);
        }

        var defaultScale = Math.Min(DefaultPxPerMm, MaxImageSide / Math.Max(mapView.Width, mapView.Height));
        return new RenderLayout(
            Side(mapView.Width * defaultScale, nameof(PxPerMm)), Side(mapView.Height * defaultScale, nameof(PxPerMm)), defaultScale, mapView);
    }

    private static bool IsUsable(MapRect r) =>
        double.IsFinite(r.X) && double.IsFinite(r.Y) && double.IsFinite(r.Width) && double.IsFinite(r.Height)
        && r.Width > 0 && r.Height > 0;

    private static int? CheckSide(int? value, string name) =>
        value is null or (>= 1 and <= MaxImageSide)
            ? value
            : throw OutOfRange(name, value, $"{name} must be between 1 and 4096.");

    /// <summary>Pixels for a length already in pixels: rounded up (a whisker of tolerance), at least 1, at most the cap.</summary>
    private static int Side(double pixels, string option)
    {
        var side = Math.Max(1, Math.Ceiling(pixels - 1e-6));
        if (side > MaxImageSide)
        {
            throw Conflict(
                option,
                string.Create(CultureInfo.InvariantCulture, $"With this {option} the image would be {side:0} px on one side; the cap is {MaxImageSide} px."));
        }

        return (int)side;
    }

    // The exceptions below carry the option's property name as ParamName (not the accessor's "value" or Layout's
    // parameter): that is the name the caller typed in the object initializer, so it is the useful one.
    private static ArgumentOutOfRangeException OutOfRange(string option, object? value, string message) =>
        new(option, value, message);

    private static ArgumentNullException Missing(string option) => new(option, $"{option} must not be null.");

    private static ArgumentException Conflict(string option, string message) => new(message, option);
}
