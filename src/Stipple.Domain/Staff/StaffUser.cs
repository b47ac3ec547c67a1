using NodaTime;

namespace Stipple.Domain;

/// <summary>A member of a studio's staff who signs in with an e-mail address and a password, and optionally TOTP.</summary>
public sealed class StaffUser
{
    private StaffUser()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string DisplayName { get; private set; } = "";

    public StaffRole Role { get; private set; }

    /// <summary>ASP.NET Core Identity's PBKDF2 password hash (V3 format).</summary>
    public string PasswordHash { get; private set; } = "";

    public int FailedSignInCount { get; private set; }

    public Instant? LockedOutUntil { get; private set; }

    /// <summary>The TOTP secret, protected by the app's data-protection keys; null until two-factor is set up.</summary>
    public string? TotpSecretProtected { get; private set; }

    public bool TotpEnabled { get; private set; }

    /// <summary>The last RFC 6238 time step accepted, so one code cannot be used twice.</summary>
    public long? TotpLastStep { get; private set; }

    /// <summary>Changes whenever credentials or access change; signed-in sessions carrying an older stamp end.</summary>
    public Guid SecurityStamp { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Whether the calendar shows them and clients can be booked with them (practitioners by default).</summary>
    public bool TakesBookings { get; private set; }

    public Instant CreatedAt { get; private set; }

    public static StaffUser Create(Guid studioId, Guid id, string email, string displayName, StaffRole role, Instant now) =>
        new()
        {
            StudioId = studioId,
            Id = id,
            Email = Guard.Email(email, "email"),
            DisplayName = Guard.Required(displayName, "displayName", 80),
            Role = Enum.IsDefined(role) ? role : throw new DomainException("role", "is not a staff role."),
            SecurityStamp = Guid.NewGuid(),
            IsActive = true,
            TakesBookings = role == StaffRole.Practitioner,
            CreatedAt = now,
        };

    public bool IsLockedOut(Instant now) => LockedOutUntil is { } until && until > now;

    public void SetPasswordHash(string hash)
    {
        PasswordHash = hash;
        SecurityStamp = Guid.NewGuid();
    }

    /// <summary>Counts a failed sign-in; at <paramref name="maxFailures"/> the account locks for <paramref name="lockout"/>.</summary>
    public void RecordFailedSignIn(Instant now, int maxFailures, Duration lockout)
    {
        FailedSignInCount++;
        if (FailedSignInCount >= maxFailures)
        {
            LockedOutUntil = now + lockout;
            FailedSignInCount = 0;
        }
    }

    public void RecordSuccessfulSignIn()
    {
        FailedSignInCount = 0;
        LockedOutUntil = null;
    }

    public void BeginTotpSetup(string protectedSecret)
    {
        TotpSecretProtected = protectedSecret;
        TotpEnabled = false;
        TotpLastStep = null;
    }

    public void EnableTotp(long acceptedStep)
    {
        if (TotpSecretProtected is null)
        {
            throw new DomainException("code", "Start two-factor set-up first.");
        }

        TotpEnabled = true;
        TotpLastStep = acceptedStep;
        SecurityStamp = Guid.NewGuid();
    }

    public void DisableTotp()
    {
        TotpEnabled = false;
        TotpSecretProtected = null;
        TotpLastStep = null;
        SecurityStamp = Guid.NewGuid();
    }

    /// <summary>Accepts a verified TOTP step unless it was already used (RFC 6238 §5.2: one-time).</summary>
    public bool TryUseTotpStep(long step)
    {
        if (TotpLastStep is { } last && step <= last)
        {
            return false;
        }

        TotpLastStep = step;
        return true;
    }

    public void ChangeRole(StaffRole role)
    {
        Role = role;
        SecurityStamp = Guid.NewGuid();
    }

    public void SetTakesBookings(bool takesBookings) => TakesBookings = takesBookings;

    public void Deactivate()
    {
        IsActive = false;
        SecurityStamp = Guid.NewGuid();
    }

    public void Reactivate()
    {
        IsActive = true;
        SecurityStamp = Guid.NewGuid();
    }
}
