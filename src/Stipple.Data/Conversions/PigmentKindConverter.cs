using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stipple.Core.Colour;

namespace Stipple.Data.Conversions;

/// <summary>Pigment kinds are stored by their API name (smp, pmu, tattoo-ink), which a check constraint lists.</summary>
public sealed class PigmentKindConverter() : ValueConverter<PigmentKind, string>(
    k => k.Name(),
    s => Parse(s))
{
    private static PigmentKind Parse(string text) =>
        PigmentKinds.TryParse(text, out var kind) ? kind : throw new InvalidOperationException($"Unknown pigment kind '{text}' in the database.");
}
