namespace Stipple.Core.Rendering;

/// <summary>A point on an image in pixels: <see cref="X"/> to the right, <see cref="Y"/> down, (0, 0) the top-left corner.</summary>
/// <param name="X">Pixels from the left edge.</param>
/// <param name="Y">Pixels from the top edge.</param>
public readonly record struct ImagePoint(double X, double Y)
{
    /// <summary>True when both coordinates are finite numbers.</summary>
    public bool IsFinite => double.IsFinite(X) && double.IsFinite(Y);
}
