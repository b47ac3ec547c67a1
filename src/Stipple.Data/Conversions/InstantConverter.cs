using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;

namespace Stipple.Data.Conversions;

/// <summary>
/// Npgsql's NodaTime plugin is not in the package mirror (docs/adr/0003), so NodaTime types cross to the database as
/// the BCL types Npgsql maps natively: <see cref="Instant"/> ↔ UTC <see cref="DateTime"/> (timestamptz),
/// <see cref="LocalDate"/> ↔ <see cref="DateOnly"/> (date), <see cref="LocalTime"/> ↔ <see cref="TimeOnly"/> (time).
/// </summary>
public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
    i => i.ToDateTimeUtc(),
    d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));
