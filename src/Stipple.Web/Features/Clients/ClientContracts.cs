using System.ComponentModel.DataAnnotations;
using NodaTime;
using Stipple.Domain;

namespace Stipple.Web.Features.Clients;

public sealed record ClientDto(Guid Id, string GivenName, string FamilyName, string? Email, string? Phone, Instant CreatedAt)
{
    public string FullName => $"{GivenName} {FamilyName}";

    public static ClientDto From(Client client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client.Id, client.GivenName, client.FamilyName, client.Email, client.Phone, client.CreatedAt);
    }
}

/// <summary>A client's details as a form or the API sends them.</summary>
public sealed class ClientInput
{
    [StringLength(200)]
    public string? GivenName { get; set; }

    [StringLength(200)]
    public string? FamilyName { get; set; }

    [StringLength(300)]
    public string? Email { get; set; }

    [StringLength(64)]
    public string? Phone { get; set; }

    public static ClientInput From(ClientDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new ClientInput { GivenName = dto.GivenName, FamilyName = dto.FamilyName, Email = dto.Email, Phone = dto.Phone };
    }
}
