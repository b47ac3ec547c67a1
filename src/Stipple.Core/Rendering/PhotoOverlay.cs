using Stipple.Core.Design;

namespace Stipple.Core.Rendering;

/// <summary>
/// Draws a design's dots as they would sit on an aligned photo: a transparent RGBA image (straight alpha, ready for
/// <see cref="PngEncoder"/>) the size of the photo as displayed, to lay over it.
/// </summary>
/// <remarks>
/// <para>
/// The same dot model as <see cref="DotRenderer"/> (soft discs in linear light, colour and opacity per zone shade and
/// session strength, the look's diameter, edge and scatter shadow from <see cref="LookParameters"/>), with each dot
/// placed by a <see cref="Homography"/> from the map to the photo: drawn at its mapped centre with every length scaled
/// by the transform's local scale there (<see cref="Homography.LocalScale"/>), so dots shrink towards the back of the
/// head as the photo foreshortens it. The disc stays a disc: the projection would make it an ellipse of the same area,
/// which a dot a pixel or two across cannot show.
/// </para>
/// <para>
/// A dot is left out when it lies behind the transform's horizon (w ≤ 0), when its mapped centre falls outside the
/// image (issue 6 contract), or when its map y is beyond <c>maxMapY</c> (for a front photo,
/// <see cref="AlignmentLandmarks.FrontViewMaxY"/>: the rest of the head is out of sight behind the vertex).
/// A dot smaller than a pixel still adds its ink (area × opacity) to the pixels around it, so a healed head at a few
/// pixels per mm reads as an even stubble shade, not as nothing.
/// </para>
/// </remarks>
public static class PhotoOverlay
{
    /// <summary>
    /// Renders the dots of sessions 1..<see cref="RenderOptions.Session"/> (all when null) of <paramref name="result"/>
    /// in <see cref="RenderOptions.Look"/> (with <see cref="RenderOptions.Years"/> and <see cref="RenderOptions.Parameters"/>)
    /// over a transparent <paramref name="width"/> × <paramref name="height"/> image. The options' size, view and
    /// background are not used.
    /// </summary>
    /// <param name="result">The stippled design.</param>
    /// <param name="options">Look, sessions and look parameters.</param>
    /// <param name="mapToPixels">The photo's alignment: scalp map (mm) to display pixels.</param>
    /// <param name="width">Image width in pixels, 1–<see cref="RenderOptions.MaxImageSide"/>.</param>
    /// <param name="height">Image height in pixels, 1–<see cref="RenderOptions.MaxImageSide"/>.</param>
    /// <param name="maxMapY">Leave out dots with a larger map y (mm); null for no limit.</param>
    /// <param name="outline">Leave out dots outside the head's outline (front photos); null for none.</param>
    /// <exception cref="ArgumentOutOfRangeException">A side is out of range, or <paramref name="maxMapY"/> is NaN.</exception>
    /// <exception cref="ArgumentException">A dot refers to a missing zone, a zone without a valid shade, or session 0.</exception>
    public static RgbaImage Render(
        StippleResult result, RenderOptions options, Homography mapToPixels, int width, int height, double? maxMapY = null, HeadOutline? outline = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mapToPixels);
        CheckSide(width, nameof(width));
        CheckSide(height, nameof(height));
        if (maxMapY is { } limit && double.IsNaN(limit))
        {
            throw new ArgumentOutOfRangeException(nameof(maxMapY), limit, "maxMapY must be a number (or null for no limit).");
        }

        var dots = options.Session is { } session ? result.DotsThroughSession(session) : result.Dots;
        var model = new LookModel(result.Design, options);
        var placement = new Projected(mapToPixels, width, height, maxMapY ?? double.PositiveInfinity, outline);
        return new DotRasterizer(width, height, model, background: null).Render(dots, options.Session ?? int.MaxValue, placement);
    }

    private static void CheckSide(int side, string name)
    {
        if (side is < 1 or > RenderOptions.MaxImageSide)
        {
            throw new ArgumentOutOfRangeException(name, side, $"Overlay sides are 1–{RenderOptions.MaxImageSide} px.");
        }
    }

    /// <summary>Through the homography; only dots in front of its horizon, with y ≤ the limit, centred on the image and the head.</summary>
    private readonly record struct Projected(Homography Homography, int Width, int Height, double MaxMapY, HeadOutline? Outline) : IDotPlacement
    {
        public bool TryPlace(float x, float y, out double cx, out double cy, out double pxPerMm)
        {
            if (y <= MaxMapY && Homography.TryPlace(x, y, out cx, out cy, out pxPerMm)
                && cx >= 0 && cx <= Width && cy >= 0 && cy <= Height && (Outline is null || Outline.Contains(cx, cy)))
            {
                return true;
            }

            cx = cy = pxPerMm = 0;
            return false;
        }
    }
}
