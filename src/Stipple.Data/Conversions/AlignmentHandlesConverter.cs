using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Stipple.Domain;

namespace Stipple.Data.Conversions;

/// <summary>A photo's alignment is stored as its eight numbers (double precision[8], checked by 0006).</summary>
public sealed class AlignmentHandlesConverter() : ValueConverter<AlignmentHandles, double[]>(
    h => h.ToArray(),
    a => AlignmentHandles.FromArray(a));
