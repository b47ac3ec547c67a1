using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Email;

namespace Stipple.Web.Features.Staff;

/// <summary>The studio's staff: listing, invitations (owners), and accepting an invitation by its link.</summary>
public sealed class StaffService(StippleDbContext db, StudioScope scope, IPasswordHasher<StaffUser> hasher, IEmailSender email, IClock clock)
{
    public static readonly Duration InvitationValidity = Duration.FromDays(7);
    public const int MinimumPasswordLength = 10;

    public async Task<IReadOnlyList<StaffSummary>> ListAsync(CancellationToken cancellationToken) =>
        await db.StaffUsers.AsNoTracking()
            .OrderBy(u => u.Role).ThenBy(u => u.DisplayName)
            .Select(u => new StaffSummary(u.Id, u.DisplayName, u.Email, u.Role.ToCode(), u.IsActive, u.TotpEnabled))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<InvitationSummary>> OpenInvitationsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        return await db.StaffInvitations.AsNoTracking()
            .Where(i => i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationSummary(i.Id, i.Email, i.Role.ToCode(), i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Invites someone by e-mail; the message carries a one-time link to <paramref name="acceptBaseUrl"/>.</summary>
    public async Task<Result<string>> InviteAsync(Guid invitedBy, string? address, string? role, string acceptBaseUrl, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var normalised = errors.Check(() => Guard.Email(address, "email"));

        if (!StaffRoles.TryParse(role, out var staffRole))
        {
            errors.Add("role", "Choose a role: owner, practitioner or front desk.");
        }

        if (normalised is not null && await EmailTakenAsync(normalised, cancellationToken))
        {
            errors.Add("email", "Someone already has a Stipple account with this e-mail address.");
        }

        if (errors.Any || normalised is null)
        {
            return Result<string>.Invalid(errors);
        }

        var token = LinkTokens.New();
        var invitation = StaffInvitation.Create(scope.Required, Guid.NewGuid(), normalised, staffRole, LinkTokens.Hash(token), invitedBy, clock.GetCurrentInstant(), InvitationValidity);
        db.StaffInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);

        var studioName = await db.Studios.Select(s => s.Name).SingleAsync(cancellationToken);
        var link = $"{acceptBaseUrl.TrimEnd('/')}/Accounts/AcceptInvite?token={token}";
        await email.SendAsync(
            new EmailMessage(
                scope.Required,
                normalised,
                $"You're invited to join {studioName} on Stipple",
                $"""
                Hello,

                {studioName} has invited you to join their team on Stipple as {staffRole.DisplayName().ToLowerInvariant()}.

                Choose your name and password here (the link works once, for 7 days):
                {link}

                If you were not expecting this, you can ignore this message.
                """),
            cancellationToken);
        return Result<string>.Ok(link);
    }

    public async Task<bool> RevokeInvitationAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        var invitation = await db.StaffInvitations.FirstOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        if (invitation is null)
        {
            return false;
        }

        invitation.Revoke(clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Finds an open invitation by the token in its link and scopes the request to its studio.</summary>
    public async Task<StaffInvitation?> FindInvitationAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = LinkTokens.Hash(token);
        var location = await db.Database
            .SqlQuery<InvitationLocation>($"select studio_id as \"StudioId\", invitation_id as \"InvitationId\" from stipple_find_invitation({hash})")
            .SingleOrDefaultAsync(cancellationToken);
        if (location is null)
        {
            return null;
        }

        scope.Set(location.StudioId);
        var invitation = await db.StaffInvitations.FirstOrDefaultAsync(i => i.Id == location.InvitationId, cancellationToken);
        return invitation is not null && invitation.IsOpen(clock.GetCurrentInstant()) ? invitation : null;
    }

    public async Task<Result<StaffUser>> AcceptAsync(string? token, string? displayName, string? password, CancellationToken cancellationToken)
    {
        var invitation = await FindInvitationAsync(token, cancellationToken);
        if (invitation is null)
        {
            return Result<StaffUser>.Invalid("token", "This invitation has expired or was already used. Ask the studio owner for a new one.");
        }

        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(displayName))
        {
            errors.Add("displayName", "Enter your name as clients and colleagues should see it.");
        }

        if (password is null || password.Length < MinimumPasswordLength)
        {
            errors.Add("password", $"Choose a password of at least {MinimumPasswordLength} characters.");
        }

        if (errors.Any)
        {
            return Result<StaffUser>.Invalid(errors);
        }

        if (await EmailTakenAsync(invitation.Email, cancellationToken))
        {
            return Result<StaffUser>.Invalid("token", "An account with this e-mail address already exists. Sign in instead.");
        }

        var now = clock.GetCurrentInstant();
        StaffUser user;
        try
        {
            user = StaffUser.Create(invitation.StudioId, Guid.NewGuid(), invitation.Email, displayName!, invitation.Role, now);
        }
        catch (DomainException ex)
        {
            return Result<StaffUser>.Invalid(FieldErrors.From(ex));
        }

        user.SetPasswordHash(hasher.HashPassword(user, password!));
        invitation.Accept(now);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return Result<StaffUser>.Ok(user);
    }

    private async Task<bool> EmailTakenAsync(string address, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"select stipple_staff_email_taken({address}) as \"Value\"").SingleAsync(cancellationToken);

    private sealed record InvitationLocation(Guid StudioId, Guid InvitationId);
}
