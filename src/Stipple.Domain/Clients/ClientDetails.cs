using NodaTime;

namespace Stipple.Domain;

/// <summary>The details a person types for a client; <see cref="Client.Update"/> validates them.</summary>
public sealed record ClientDetails(string? GivenName, string? FamilyName, string? Email, string? Phone, LocalDate? DateOfBirth);
