using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Security;
using Stipple.Data;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Accounts;

/// <summary>A member of staff turns TOTP two-factor sign-in on or off for their own account.</summary>
public sealed class SecurityService(StippleDbContext db, TotpSecrets secrets, IClock clock)
{
    public const string Issuer = "Stipple";

    public Task<StaffUser> GetAsync(Guid userId, CancellationToken cancellationToken) =>
        db.StaffUsers.FirstAsync(u => u.Id == userId, cancellationToken);

    /// <summary>Starts (or restarts) set-up with a fresh secret; returns it for display.</summary>
    public async Task<byte[]> BeginSetupAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await GetAsync(userId, cancellationToken);
        if (user.TotpEnabled)
        {
            throw new DomainException("code", "Two-factor sign-in is already on.");
        }

        var secret = TotpSecrets.NewSecret();
        user.BeginTotpSetup(secrets.Protect(secret));
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    public byte[]? PendingSecret(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.TotpSecretProtected is null ? null : secrets.Unprotect(user.TotpSecretProtected);
    }

    public async Task<Result<bool>> ConfirmAsync(Guid userId, string? code, CancellationToken cancellationToken)
    {
        var user = await GetAsync(userId, cancellationToken);
        if (PendingSecret(user) is not { } secret)
        {
            return Result<bool>.Invalid("code", "Start two-factor set-up first.");
        }

        if (!Totp.Verify(secret, code, clock.GetCurrentInstant(), out var step))
        {
            return Result<bool>.Invalid("code", "That code is not right. Enter the current 6-digit code your app shows for Stipple.");
        }

        user.EnableTotp(step);
        await db.SaveChangesAsync(cancellationToken);
        return Result<bool>.Ok(true);
    }

    public async Task DisableAsync(Guid userId, CancellationToken cancellationToken)
    {
        var user = await GetAsync(userId, cancellationToken);
        user.DisableTotp();
        await db.SaveChangesAsync(cancellationToken);
    }
}
