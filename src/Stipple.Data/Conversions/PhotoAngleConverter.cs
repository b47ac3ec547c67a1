using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stipple.Domain;

namespace Stipple.Data.Conversions;

/// <summary>Photo angles are stored by their code (front, top, ...), which a check constraint lists.</summary>
public sealed class PhotoAngleConverter() : ValueConverter<PhotoAngle, string>(
    v => PhotoAngles.Code(v),
    s => Parse(s))
{
    private static PhotoAngle Parse(string text) =>
        PhotoAngles.TryParse(text, out var value) ? value : throw new InvalidOperationException($"Unknown photo angle '{text}' in the database.");
}
