namespace Stipple.Core.Rendering;

/// <summary>
/// The head's outline on a front photo, estimated from the alignment handles, so a front view draws dots on the head
/// and not on the backdrop: a plane (the homography) cannot follow the scalp as it curves away at the sides and over
/// the top. Above the line through the temporal handles it is a half-ellipse reaching the vertex handle, as wide as
/// <see cref="WidthFactor"/> times the temporal handles' spacing; below that line, a band of the same width.
/// </summary>
/// <remarks>
/// Heuristic: the temporal points sit about 14 cm apart (smp-facts §2.3) on a head about 15–16 cm wide at the temples
/// seen from the front, plus the curve of the skull beyond them; 1.6 keeps the temples' zones and stays off the
/// backdrop on the test heads. Everything is in the photo's display pixels.
/// </remarks>
public sealed class HeadOutline
{
    /// <summary>Half-width of the outline over half the temporal handles' spacing.</summary>
    public const double WidthFactor = 1.6;

    private readonly double cx;
    private readonly double cy;
    private readonly double ux;
    private readonly double uy;
    private readonly double vx;
    private readonly double vy;
    private readonly double a;
    private readonly double b;

    private HeadOutline(double cx, double cy, double ux, double uy, double vx, double vy, double a, double b)
    {
        this.cx = cx;
        this.cy = cy;
        this.ux = ux;
        this.uy = uy;
        this.vx = vx;
        this.vy = vy;
        this.a = a;
        this.b = b;
    }

    /// <summary>The outline on a photo shown at <paramref name="displayWidth"/> × <paramref name="displayHeight"/> pixels.</summary>
    public static HeadOutline From(PhotoAlignment alignment, int displayWidth, int displayHeight)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        var rx = alignment.RightTemporal.X * displayWidth;
        var ry = alignment.RightTemporal.Y * displayHeight;
        var lx = alignment.LeftTemporal.X * displayWidth;
        var ly = alignment.LeftTemporal.Y * displayHeight;
        var centreX = (rx + lx) / 2;
        var centreY = (ry + ly) / 2;
        var span = Math.Max(Math.Sqrt(((lx - rx) * (lx - rx)) + ((ly - ry) * (ly - ry))), 1e-9);
        var ax = (lx - rx) / span;
        var ay = (ly - ry) / span;

        // The upward axis: square to the temporal line, on the vertex's side.
        var tx = (alignment.Vertex.X * displayWidth) - centreX;
        var ty = (alignment.Vertex.Y * displayHeight) - centreY;
        var (px, py) = (-ay, ax);
        var height = (tx * px) + (ty * py);
        if (height < 0)
        {
            (px, py, height) = (-px, -py, -height);
        }

        return new HeadOutline(centreX, centreY, ax, ay, px, py, WidthFactor * span / 2, Math.Max(height, 1e-9));
    }

    /// <summary>True when the display pixel (<paramref name="x"/>, <paramref name="y"/>) is on the head.</summary>
    public bool Contains(double x, double y)
    {
        var dx = x - cx;
        var dy = y - cy;
        var across = ((dx * ux) + (dy * uy)) / a;
        var up = ((dx * vx) + (dy * vy)) / b;
        return up <= 0 ? Math.Abs(across) <= 1 : (across * across) + (up * up) <= 1;
    }
}
