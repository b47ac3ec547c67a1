namespace Stipple.Domain;

/// <summary>The standard scalp photo set taken at every visit.</summary>
public enum PhotoAngle
{
    Front,
    Top,
    Left,
    Right,
    Back,

    /// <summary>A close-up of the crown.</summary>
    Crown,
}
