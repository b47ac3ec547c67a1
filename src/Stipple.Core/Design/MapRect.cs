namespace Stipple.Core.Design;

/// <summary>An axis-aligned rectangle on the scalp map, in mm.</summary>
/// <param name="X">Left edge.</param>
/// <param name="Y">Top edge (smallest y).</param>
/// <param name="Width">Width, positive.</param>
/// <param name="Height">Height, positive.</param>
public readonly record struct MapRect(double X, double Y, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    public double Right => X + Width;

    /// <summary>Bottom edge (largest y).</summary>
    public double Bottom => Y + Height;

    /// <summary>This rectangle grown by <paramref name="margin"/> mm on every side.</summary>
    public MapRect Inflate(double margin) => new(X - margin, Y - margin, Width + (2 * margin), Height + (2 * margin));
}
