namespace Stipple.Core.Design;

/// <summary>
/// A point on the scalp map, in millimetres. <see cref="X"/> runs from the midline outwards (negative to the
/// client's right, positive to the left as seen from above); <see cref="Y"/> runs from the glabella backwards over
/// the scalp. See <see cref="ScalpMap"/>.
/// </summary>
/// <param name="X">Millimetres from the midline.</param>
/// <param name="Y">Millimetres behind the glabella.</param>
public readonly record struct MapPoint(double X, double Y)
{
    /// <summary>True when both coordinates are finite numbers.</summary>
    public bool IsFinite => double.IsFinite(X) && double.IsFinite(Y);
}
