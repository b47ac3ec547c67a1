namespace Stipple.Core.Rendering;

/// <summary>
/// Where <see cref="DotRasterizer"/> draws a dot: its centre in pixels and the scale there. Implemented by small structs
/// so the rasteriser's generic loop is specialised for each (no virtual call per dot).
/// </summary>
internal interface IDotPlacement
{
    /// <summary>
    /// The pixel centre of the map point (<paramref name="x"/>, <paramref name="y"/>) mm and the pixels per mm there,
    /// or false to leave the dot out.
    /// </summary>
    bool TryPlace(float x, float y, out double cx, out double cy, out double pxPerMm);
}
