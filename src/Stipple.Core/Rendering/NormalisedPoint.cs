namespace Stipple.Core.Rendering;

/// <summary>
/// A point on a photo as shown (EXIF orientation applied), as fractions of its size: (0, 0) is the top-left corner and
/// (1, 1) the bottom-right; values outside 0–1 lie beyond the edges.
/// </summary>
/// <param name="X">Fraction of the displayed width from the left edge.</param>
/// <param name="Y">Fraction of the displayed height from the top edge.</param>
public readonly record struct NormalisedPoint(double X, double Y);
