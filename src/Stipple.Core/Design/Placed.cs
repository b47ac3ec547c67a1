namespace Stipple.Core.Design;

/// <summary>A dot while the engine works: position (mm), the target density where it sits (per mm²) and its zone.</summary>
internal readonly record struct Placed(double X, double Y, double Density, byte Zone);
