using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stipple.Domain;

namespace Stipple.Data.Conversions;

/// <summary>Consent kinds are stored by their code (smp-treatment, photo-use, data-processing).</summary>
public sealed class ConsentKindConverter() : ValueConverter<ConsentKind, string>(
    v => ConsentKinds.Code(v),
    s => Parse(s))
{
    private static ConsentKind Parse(string text) =>
        ConsentKinds.TryParse(text, out var value) ? value : throw new InvalidOperationException($"Unknown consent kind '{text}' in the database.");
}
