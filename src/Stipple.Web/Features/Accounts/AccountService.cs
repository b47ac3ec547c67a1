using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Accounts;

/// <summary>
/// Staff sign-in: password (ASP.NET Core Identity's PBKDF2 hasher), lockout after repeated failures, and an optional
/// TOTP second step. Messages never reveal whether an address has an account.
/// </summary>
public sealed class AccountService(StippleDbContext db, StudioScope scope, IPasswordHasher<StaffUser> hasher, IClock clock, ILogger<AccountService> logger)
{
    public const int MaxFailedSignIns = 5;
    public static readonly Duration LockoutDuration = Duration.FromMinutes(15);
    public const string InvalidCredentials = "That e-mail address and password don't match an account.";

    /// <summary>Checks the password. On success the caller either signs in or asks for the TOTP code.</summary>
    public async Task<SignInOutcome> CheckPasswordAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            return SignInOutcome.Failed(InvalidCredentials);
        }

        var location = await FindLoginAsync(email, cancellationToken);
        if (location is null)
        {
            // Spend the same time as a real check, so response time does not reveal which addresses exist.
            hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            return SignInOutcome.Failed(InvalidCredentials);
        }

        scope.Set(location.StudioId);
        var user = await db.StaffUsers.FirstAsync(u => u.Id == location.UserId, cancellationToken);
        var now = clock.GetCurrentInstant();
        if (user.IsLockedOut(now))
        {
            return SignInOutcome.Failed("Too many failed attempts. This account is locked for a few minutes; try again later.");
        }

        var verdict = user.PasswordHash.Length == 0 ? PasswordVerificationResult.Failed : hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed || !user.IsActive)
        {
            user.RecordFailedSignIn(now, MaxFailedSignIns, LockoutDuration);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Failed sign-in for staff {UserId} in studio {StudioId}", user.Id, user.StudioId);
            return SignInOutcome.Failed(user.IsLockedOut(now)
                ? "Too many failed attempts. This account is locked for a few minutes; try again later."
                : InvalidCredentials);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.SetPasswordHash(hasher.HashPassword(user, password));
        }

        if (!user.TotpEnabled)
        {
            user.RecordSuccessfulSignIn();
        }

        await db.SaveChangesAsync(cancellationToken);
        return user.TotpEnabled ? SignInOutcome.NeedsCode(user) : SignInOutcome.Success(user);
    }

    /// <summary>Second step: the TOTP code for the user the two-factor cookie names.</summary>
    public async Task<SignInOutcome> CheckCodeAsync(Guid studioId, Guid userId, string? code, TotpSecrets secrets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        scope.Set(studioId);
        var user = await db.StaffUsers.FirstOrDefaultAsync(u => u.Id == userId && u.IsActive, cancellationToken);
        var now = clock.GetCurrentInstant();
        if (user is null || !user.TotpEnabled || user.TotpSecretProtected is null)
        {
            return SignInOutcome.Failed("Sign in again.");
        }

        if (user.IsLockedOut(now))
        {
            return SignInOutcome.Failed("Too many failed attempts. This account is locked for a few minutes; try again later.");
        }

        if (!Core.Security.Totp.Verify(secrets.Unprotect(user.TotpSecretProtected), code, now, out var step) || !user.TryUseTotpStep(step))
        {
            user.RecordFailedSignIn(now, MaxFailedSignIns, LockoutDuration);
            await db.SaveChangesAsync(cancellationToken);
            return SignInOutcome.Failed("That code is not right. Use the current 6-digit code from your authenticator app.");
        }

        user.RecordSuccessfulSignIn();
        await db.SaveChangesAsync(cancellationToken);
        return SignInOutcome.Success(user);
    }

    /// <summary>The principal a signed-in member of staff carries in the cookie.</summary>
    public static ClaimsPrincipal Principal(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [
                new Claim(StippleClaims.Studio, StippleClaims.Format(user.StudioId)),
                new Claim(StippleClaims.User, StippleClaims.Format(user.Id)),
                new Claim(StippleClaims.Stamp, StippleClaims.Format(user.SecurityStamp)),
                new Claim(StippleClaims.Kind, StippleClaims.StaffKind),
                new Claim(ClaimTypes.Name, user.DisplayName),
                new Claim(ClaimTypes.Email, user.Email),
                new Claim(ClaimTypes.Role, user.Role.ToCode()),
            ],
            AuthSchemes.Cookie,
            ClaimTypes.Name,
            ClaimTypes.Role);
        return new ClaimsPrincipal(identity);
    }

    private async Task<LoginLocation?> FindLoginAsync(string email, CancellationToken cancellationToken) =>
        await db.Database
            .SqlQuery<LoginLocation>($"select studio_id as \"StudioId\", user_id as \"UserId\" from stipple_find_staff_login({email})")
            .SingleOrDefaultAsync(cancellationToken);

    private static readonly StaffUser DummyUser = StaffUser.Create(Guid.Empty, Guid.Empty, "nobody@example.invalid", "Nobody", StaffRole.FrontDesk, Instant.MinValue);

    private static readonly string DummyHash = new PasswordHasher<StaffUser>().HashPassword(DummyUser, "not a real password");

    private sealed record LoginLocation(Guid StudioId, Guid UserId);
}
