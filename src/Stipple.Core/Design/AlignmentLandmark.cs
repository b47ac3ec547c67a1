namespace Stipple.Core.Design;

/// <summary>One of the four points a practitioner drags onto a photo to align the scalp map with it.</summary>
/// <param name="Key">The name in JSON and in error fields (<c>glabella</c>, <c>rightTemporal</c>, …).</param>
/// <param name="DisplayName">What a practitioner sees on the handle (<c>Glabella</c>, <c>Right temple</c>, …).</param>
/// <param name="Position">Where it sits on the scalp map, in mm.</param>
public sealed record AlignmentLandmark(string Key, string DisplayName, MapPoint Position);
