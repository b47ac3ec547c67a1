using System.ComponentModel.DataAnnotations;
using NodaTime;
using NodaTime.Text;
using Stipple.Domain;

namespace Stipple.Web.Features.Clients;

public sealed record ClientDto(Guid Id, string GivenName, string FamilyName, string? Email, string? Phone, LocalDate? DateOfBirth, Instant CreatedAt)
{
    public string FullName => $"{GivenName} {FamilyName}";

    public static ClientDto From(Client client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new(client.Id, client.GivenName, client.FamilyName, client.Email, client.Phone, client.DateOfBirth, client.CreatedAt);
    }
}

/// <summary>A client's details as a form or the API sends them. The date of birth is text so a typo is a field error, not lost.</summary>
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

    /// <summary>ISO date, e.g. 1988-04-30.</summary>
    [StringLength(32)]
    public string? DateOfBirth { get; set; }

    public static ClientInput From(ClientDto dto)
    {
        ArgumentNullException.ThrowIfNull(dto);
        return new ClientInput
        {
            GivenName = dto.GivenName,
            FamilyName = dto.FamilyName,
            Email = dto.Email,
            Phone = dto.Phone,
            DateOfBirth = dto.DateOfBirth is { } born ? LocalDatePattern.Iso.Format(born) : null,
        };
    }
}

/// <summary>Two clients that may be the same person: the same e-mail address or phone number.</summary>
public sealed record DuplicatePair(ClientDto First, ClientDto Second, string Reason);

/// <summary>A note about a client.</summary>
public sealed record ClientNoteDto(Guid Id, string Body, string? Author, Instant CreatedAt);

/// <summary>Which client to keep when merging a duplicate into it.</summary>
public sealed record MergeInput(Guid? DuplicateId);

/// <summary>A note's text.</summary>
public sealed record NoteInput([property: StringLength(4000)] string? Body);
