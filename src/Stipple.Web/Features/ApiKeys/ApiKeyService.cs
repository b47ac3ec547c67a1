using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.ApiKeys;

/// <summary>Owners create and revoke the studio's API keys. A key is shown once; only its hash is stored.</summary>
public sealed class ApiKeyService(StippleDbContext db, StudioScope scope, IClock clock)
{
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken cancellationToken) =>
        await db.ApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedAt != null).ThenByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Creates a key; the returned value is the only time the full key exists outside the caller.</summary>
    public async Task<Result<CreatedApiKey>> CreateAsync(string? name, Guid? createdBy, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var validName = errors.Check(() => Guard.Required(name, "name", 80));
        if (errors.Any || validName is null)
        {
            return Result<CreatedApiKey>.Invalid(errors);
        }

        var key = ApiKeyFormat.Create(RandomNumberGenerator.GetBytes(32));
        var prefix = ApiKeyFormat.Parse(key)!.Value.Prefix;
        var apiKey = ApiKey.Create(scope.Required, Guid.NewGuid(), validName, prefix, ApiKeyFormat.Hash(key), createdBy, clock.GetCurrentInstant());
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return Result<CreatedApiKey>.Ok(new CreatedApiKey(apiKey.Id, apiKey.Name, key));
    }

    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.Revoke(clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
