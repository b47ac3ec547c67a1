using Stipple.Core.Design;

namespace Stipple.Core.Rendering;

/// <summary>
/// A worked-out image size and mapping: map point (x, y) mm lands at pixel ((x − View.X) × Scale, (y − View.Y) × Scale),
/// x to the right and y downwards (the glabella at the top).
/// </summary>
/// <param name="Width">Image width in pixels.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Scale">Pixels per mm.</param>
/// <param name="View">The map rectangle whose top-left corner is pixel (0, 0).</param>
internal sealed record RenderLayout(int Width, int Height, double Scale, MapRect View);
