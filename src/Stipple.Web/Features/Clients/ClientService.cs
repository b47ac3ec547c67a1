using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Clients;

/// <summary>The studio's clients. Another studio's client is simply not found: row-level security hides it.</summary>
public sealed class ClientService(StippleDbContext db, StudioScope scope, IClock clock)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<ClientDto>> ListAsync(string? search, CancellationToken cancellationToken)
    {
        var query = db.Clients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{EscapeLike(search.Trim())}%";
            query = query.Where(c => EF.Functions.ILike(c.GivenName + " " + c.FamilyName, pattern, "\\")
                || (c.Email != null && EF.Functions.ILike(c.Email, pattern, "\\"))
                || (c.Phone != null && EF.Functions.ILike(c.Phone, pattern, "\\")));
        }

        return await query.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).Take(PageSize)
            .Select(c => new ClientDto(c.Id, c.GivenName, c.FamilyName, c.Email, c.Phone, c.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<ClientDto?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Clients.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ClientDto(c.Id, c.GivenName, c.FamilyName, c.Email, c.Phone, c.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<Result<ClientDto>> CreateAsync(ClientInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = Validate(input);
        if (errors.Any)
        {
            return Result<ClientDto>.Invalid(errors);
        }

        var client = Client.Create(scope.Required, Guid.NewGuid(), input.GivenName!, input.FamilyName!, input.Email, input.Phone, clock.GetCurrentInstant());
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ClientDto>.Ok(ClientDto.From(client));
    }

    public async Task<Result<ClientDto>> UpdateAsync(Guid id, ClientInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return Result<ClientDto>.Missing();
        }

        var errors = Validate(input);
        if (errors.Any)
        {
            return Result<ClientDto>.Invalid(errors);
        }

        client.Update(input.GivenName!, input.FamilyName!, input.Email, input.Phone, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return Result<ClientDto>.Ok(ClientDto.From(client));
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Clients.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private static FieldErrors Validate(ClientInput input)
    {
        var errors = new FieldErrors();
        errors.Check(() => Guard.Required(input.GivenName, "givenName", 80));
        errors.Check(() => Guard.Required(input.FamilyName, "familyName", 80));
        errors.Check(() => Guard.OptionalEmail(input.Email, "email"));
        errors.Check(() => Guard.OptionalPhone(input.Phone, "phone"));
        return errors;
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
