using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Tenancy;

namespace Stipple.Web.Infrastructure.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer stp_…</c> or <c>X-Api-Key: stp_…</c>. The key's prefix finds its studio
/// (through a SECURITY DEFINER look-up that returns ids only), the request is scoped to that studio, and the key is
/// then read through row-level security and compared by SHA-256 in constant time.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    StippleDbContext db,
    StudioScope scope,
    IClock clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string? ReadKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var parsed = ApiKeyFormat.Parse(key);
        if (parsed is null)
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var found = await db.Database
            .SqlQuery<KeyLocation>($"select studio_id as \"StudioId\", key_id as \"KeyId\" from stipple_find_api_key({parsed.Value.Prefix})")
            .SingleOrDefaultAsync(Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("Unknown API key.");
        }

        scope.Set(found.StudioId);
        var apiKey = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == found.KeyId, Context.RequestAborted);
        if (apiKey is null || !apiKey.IsActive || !CryptographicOperations.FixedTimeEquals(apiKey.SecretHash, ApiKeyFormat.Hash(key)))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var now = clock.GetCurrentInstant();
        if (apiKey.LastUsedAt is null || now - apiKey.LastUsedAt.Value > Duration.FromMinutes(5))
        {
            apiKey.MarkUsed(now);
            await db.SaveChangesAsync(Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(StippleClaims.Studio, StippleClaims.Format(apiKey.StudioId)),
                new Claim(StippleClaims.ApiKey, StippleClaims.Format(apiKey.Id)),
                new Claim(StippleClaims.Kind, StippleClaims.IntegrationKind),
                new Claim(ClaimTypes.Name, apiKey.Name),
                new Claim(ClaimTypes.Role, StippleClaims.IntegrationRole),
            ],
            Scheme.Name,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"stipple\"";
        return Task.CompletedTask;
    }

    private sealed record KeyLocation(Guid StudioId, Guid KeyId);
}
