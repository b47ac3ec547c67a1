namespace Stipple.Core.Design;

/// <summary>One impression placed by the engine.</summary>
/// <param name="X">Map x in mm.</param>
/// <param name="Y">Map y in mm.</param>
/// <param name="DiameterMm">Healed diameter in mm; looks scale it (see <c>Rendering.LookParameters</c>).</param>
/// <param name="Session">The session that places it, 1-based.</param>
/// <param name="Zone">Index of its zone in <see cref="DesignDocument.Zones"/>.</param>
public readonly record struct Dot(float X, float Y, float DiameterMm, byte Session, byte Zone);
