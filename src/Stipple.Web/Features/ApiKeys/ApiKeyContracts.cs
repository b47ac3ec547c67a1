using NodaTime;

namespace Stipple.Web.Features.ApiKeys;

public sealed record ApiKeySummary(Guid Id, string Name, string Prefix, Instant CreatedAt, Instant? LastUsedAt, Instant? RevokedAt);

/// <summary>The new key, including its secret: shown once.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Key);

public sealed record CreateApiKeyRequest(string? Name);
