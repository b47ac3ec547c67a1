using NodaTime;

namespace Stipple.Domain;

/// <summary>A studio's client: the person who receives consultations and treatment.</summary>
public sealed class Client
{
    private Client()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public string GivenName { get; private set; } = "";

    public string FamilyName { get; private set; } = "";

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Required for every client created or edited now; clients from before it was asked may have none.</summary>
    public LocalDate? DateOfBirth { get; private set; }

    /// <summary>
    /// The client's IANA time zone when it differs from the studio's (a client who travels in for treatment); null means
    /// the studio's. Reminders and feeds show times in it.
    /// </summary>
    public string? TimeZone { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>Sets the client's own time zone; null or blank clears it (the studio's zone applies).</summary>
    public void SetTimeZone(string? timeZone, Instant now)
    {
        TimeZone = string.IsNullOrWhiteSpace(timeZone) ? null : Studio.ValidTimeZone(timeZone);
        UpdatedAt = now;
    }

    public Instant UpdatedAt { get; private set; }

    public string FullName => $"{GivenName} {FamilyName}";

    /// <summary>The earliest date of birth accepted (the column's check constraint says the same).</summary>
    public static LocalDate EarliestDateOfBirth { get; } = new(1900, 1, 1);

    public static Client Create(Guid studioId, Guid id, ClientDetails details, Instant now)
    {
        ArgumentNullException.ThrowIfNull(details);
        var client = new Client { StudioId = studioId, Id = id, CreatedAt = now };
        client.Update(details, now);
        return client;
    }

    /// <summary>
    /// Replaces the client's details. The minimum age is the studio's policy and needs today's date, so the caller
    /// checks it (<see cref="AgeOn"/>); here the date of birth must only be plausible.
    /// </summary>
    public void Update(ClientDetails details, Instant now)
    {
        ArgumentNullException.ThrowIfNull(details);
        GivenName = Guard.Required(details.GivenName, "givenName", 80);
        FamilyName = Guard.Required(details.FamilyName, "familyName", 80);
        Email = Guard.OptionalEmail(details.Email, "email");
        Phone = Guard.OptionalPhone(details.Phone, "phone");
        DateOfBirth = details.DateOfBirth is { } born && born >= EarliestDateOfBirth
            ? born
            : throw new DomainException("dateOfBirth", details.DateOfBirth is null ? "is required." : "must be in 1900 or later.");
        UpdatedAt = now;
    }

    /// <summary>Fills this client's missing e-mail, phone and date of birth from a duplicate being merged into it.</summary>
    public void AbsorbMissingDetails(Client duplicate, Instant now)
    {
        ArgumentNullException.ThrowIfNull(duplicate);
        Email ??= duplicate.Email;
        Phone ??= duplicate.Phone;
        DateOfBirth ??= duplicate.DateOfBirth;
        UpdatedAt = now;
    }

    /// <summary>Whole years of age on <paramref name="day"/> (a 29 February birthday counts from 28 February in other years, as NodaTime's period arithmetic does).</summary>
    public static int AgeOn(LocalDate dateOfBirth, LocalDate day) => Period.Between(dateOfBirth, day, PeriodUnits.Years).Years;
}
