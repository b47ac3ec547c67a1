namespace Stipple.Domain;

/// <summary>Names of <see cref="PhotoAngle"/> as the database, URLs and forms spell them.</summary>
public static class PhotoAngles
{
    public static IReadOnlyList<PhotoAngle> All { get; } = Enum.GetValues<PhotoAngle>();

    public static string Code(PhotoAngle angle) => angle switch
    {
        PhotoAngle.Front => "front",
        PhotoAngle.Top => "top",
        PhotoAngle.Left => "left",
        PhotoAngle.Right => "right",
        PhotoAngle.Back => "back",
        PhotoAngle.Crown => "crown",
        _ => throw new ArgumentOutOfRangeException(nameof(angle)),
    };

    public static string Label(PhotoAngle angle) => angle switch
    {
        PhotoAngle.Front => "Front",
        PhotoAngle.Top => "Top",
        PhotoAngle.Left => "Left side",
        PhotoAngle.Right => "Right side",
        PhotoAngle.Back => "Back",
        PhotoAngle.Crown => "Crown close-up",
        _ => throw new ArgumentOutOfRangeException(nameof(angle)),
    };

    public static bool TryParse(string? code, out PhotoAngle angle)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(Code(candidate), code?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                angle = candidate;
                return true;
            }
        }

        angle = default;
        return false;
    }
}
