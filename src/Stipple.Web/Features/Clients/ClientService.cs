using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Clients;

/// <summary>The studio's clients. Another studio's client is simply not found: row-level security hides it.</summary>
public sealed class ClientService(StippleDbContext db, StudioScope scope, IClock clock, StudioClock studioClock)
{
    public const int PageSize = 50;

    /// <summary>
    /// Clients whose name, e-mail or phone contain every word of <paramref name="search"/> (case-insensitive; a word of
    /// digits also matches the phone number written any way). A trigram index on the generated search column keeps this
    /// fast with tens of thousands of clients.
    /// </summary>
    public async Task<IReadOnlyList<ClientDto>> ListAsync(string? search, CancellationToken cancellationToken) =>
        await ListQuery(search).ToListAsync(cancellationToken);

    /// <summary>The query <see cref="ListAsync"/> runs; the tests read its SQL's plan to prove the trigram index serves it.</summary>
    internal IQueryable<ClientDto> ListQuery(string? search)
    {
        var query = db.Clients.AsNoTracking();
        var patterns = SearchWords(search).Select(word => $"%{EscapeLike(word)}%").ToArray();
        if (patterns.Length > 0)
        {
            // Under row-level security LIKE cannot use the trigram index, so the matching runs in the database function
            // of migration 0005, which returns this studio's matching ids.
            var matching = db.Database.SqlQuery<Guid>($"select id as \"Value\" from stipple_search_clients({patterns}) as id");
            query = query.Where(c => matching.Contains(c.Id));
        }

        return query.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ThenBy(c => c.Id).Take(PageSize)
            .Select(c => new ClientDto(c.Id, c.GivenName, c.FamilyName, c.Email, c.Phone, c.DateOfBirth, c.CreatedAt));
    }

    public async Task<ClientDto?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Clients.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new ClientDto(c.Id, c.GivenName, c.FamilyName, c.Email, c.Phone, c.DateOfBirth, c.CreatedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<Result<ClientDto>> CreateAsync(ClientInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (details, errors) = await ValidateAsync(input, cancellationToken);
        if (errors.Any)
        {
            return Result<ClientDto>.Invalid(errors);
        }

        var client = Client.Create(scope.Required, Guid.NewGuid(), details!, clock.GetCurrentInstant());
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

        var (details, errors) = await ValidateAsync(input, cancellationToken);
        if (errors.Any)
        {
            return Result<ClientDto>.Invalid(errors);
        }

        client.Update(details!, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return Result<ClientDto>.Ok(ClientDto.From(client));
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Clients.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>Other clients with the same e-mail address or phone number (last nine digits) as this one.</summary>
    public async Task<IReadOnlyList<DuplicatePair>> DuplicatesOfAsync(Guid id, CancellationToken cancellationToken) =>
        await DuplicatePairsAsync(db.Clients.Where(c => c.Id == id), 20, cancellationToken);

    /// <summary>Pairs of clients that may be the same person, newest first, for the client list.</summary>
    public async Task<IReadOnlyList<DuplicatePair>> DuplicatesAsync(int limit, CancellationToken cancellationToken) =>
        await DuplicatePairsAsync(db.Clients, limit, cancellationToken);

    private async Task<IReadOnlyList<DuplicatePair>> DuplicatePairsAsync(IQueryable<Client> firsts, int limit, CancellationToken cancellationToken)
    {
        var pairs = await (
            from a in firsts
            from b in db.Clients
            where a.Id != b.Id
                && ((EF.Property<string?>(a, "EmailKey") != null && EF.Property<string?>(a, "EmailKey") == EF.Property<string?>(b, "EmailKey"))
                    || (EF.Property<string?>(a, "PhoneKey") != null && EF.Property<string?>(a, "PhoneKey") == EF.Property<string?>(b, "PhoneKey")))
            orderby b.CreatedAt descending
            select new
            {
                First = new ClientDto(a.Id, a.GivenName, a.FamilyName, a.Email, a.Phone, a.DateOfBirth, a.CreatedAt),
                Second = new ClientDto(b.Id, b.GivenName, b.FamilyName, b.Email, b.Phone, b.DateOfBirth, b.CreatedAt),
                // Not "both have no e-mail": C# null semantics would make two clients without one "the same e-mail".
                SameEmail = EF.Property<string?>(a, "EmailKey") != null && EF.Property<string?>(a, "EmailKey") == EF.Property<string?>(b, "EmailKey"),
            }).Take(limit * 2).ToListAsync(cancellationToken);

        // Each pair shows once (a,b and b,a are the same pair) when listing the whole studio.
        var seen = new HashSet<(Guid, Guid)>();
        return pairs
            .Where(p => seen.Add(p.First.Id.CompareTo(p.Second.Id) < 0 ? (p.First.Id, p.Second.Id) : (p.Second.Id, p.First.Id)))
            .Take(limit)
            .Select(p => new DuplicatePair(p.First, p.Second, p.SameEmail ? "same e-mail address" : "same phone number"))
            .ToList();
    }

    /// <summary>
    /// Merges <paramref name="duplicateId"/> into <paramref name="keepId"/>: every record of the duplicate (notes,
    /// intakes, consultations, photos, consents, clearances, colour records, links) moves to the kept client, the kept
    /// client's missing contact details are filled from the duplicate, a note records the merge, and the duplicate is
    /// deleted. One transaction: all or nothing.
    /// </summary>
    public async Task<Result<ClientDto>> MergeAsync(Guid keepId, Guid? duplicateId, Guid? staffId, CancellationToken cancellationToken)
    {
        if (duplicateId is not { } dupId)
        {
            return Result<ClientDto>.Invalid("duplicateId", "is required: choose the client to merge into this one.");
        }

        if (dupId == keepId)
        {
            return Result<ClientDto>.Invalid("duplicateId", "is this client; choose another client.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var both = await db.Clients.Where(c => c.Id == keepId || c.Id == dupId).ToListAsync(cancellationToken);
        var keep = both.Find(c => c.Id == keepId);
        if (keep is null)
        {
            return Result<ClientDto>.Missing();
        }

        var duplicate = both.Find(c => c.Id == dupId);
        if (duplicate is null)
        {
            return Result<ClientDto>.Invalid("duplicateId", "is not a client of this studio.");
        }

        await db.ClientNotes.Where(x => x.ClientId == dupId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientId, keepId), cancellationToken);
        await db.Intakes.Where(x => x.ClientId == dupId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientId, keepId), cancellationToken);
        await db.Consultations.Where(x => x.ClientId == dupId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientId, keepId), cancellationToken);
        await db.ClientLinks.Where(x => x.ClientId == dupId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientId, keepId), cancellationToken);
        await db.Photos.Where(x => x.ClientId == dupId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientId, keepId), cancellationToken);
        await db.ClearanceDocuments.Where(x => x.ClientId == dupId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientId, keepId), cancellationToken);
        await db.Consents.Where(x => x.ClientId == dupId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientId, keepId), cancellationToken);
        await db.ColourRecords.Where(x => x.ClientId == dupId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientId, keepId), cancellationToken);
        // A portal account moves too unless the kept client has one already (one sign-in per person).
        if (!await db.ClientAccounts.AnyAsync(a => a.ClientId == keepId, cancellationToken))
        {
            await db.ClientAccounts.Where(x => x.ClientId == dupId).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClientId, keepId), cancellationToken);
        }

        var now = clock.GetCurrentInstant();
        keep.AbsorbMissingDetails(duplicate, now);
        var contact = string.Join(", ", new[] { duplicate.Email, duplicate.Phone }.Where(v => v is not null));
        db.ClientNotes.Add(ClientNote.Create(scope.Required, keepId,
            string.Create(CultureInfo.InvariantCulture, $"Merged the duplicate record {duplicate.FullName}{(contact.Length > 0 ? $" ({contact})" : "")} into this client."),
            staffId, now));
        db.Clients.Remove(duplicate);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<ClientDto>.Ok(ClientDto.From(keep));
    }

    public async Task<IReadOnlyList<ClientNoteDto>> NotesAsync(Guid clientId, CancellationToken cancellationToken) =>
        await (from n in db.ClientNotes.AsNoTracking()
               where n.ClientId == clientId
               join s in db.StaffUsers.AsNoTracking() on n.AuthorId equals s.Id into authors
               from author in authors.DefaultIfEmpty()
               orderby n.CreatedAt descending
               select new ClientNoteDto(n.Id, n.Body, author == null ? null : author.DisplayName, n.CreatedAt))
            .Take(200).ToListAsync(cancellationToken);

    public async Task<Result<ClientNoteDto>> AddNoteAsync(Guid clientId, string? body, Guid? authorId, CancellationToken cancellationToken)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return Result<ClientNoteDto>.Missing();
        }

        var errors = new FieldErrors();
        var note = errors.Check(() => ClientNote.Create(scope.Required, clientId, body, authorId, clock.GetCurrentInstant()));
        if (errors.Any)
        {
            return Result<ClientNoteDto>.Invalid(errors);
        }

        db.ClientNotes.Add(note!);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ClientNoteDto>.Ok(new ClientNoteDto(note!.Id, note.Body, null, note.CreatedAt));
    }

    /// <summary>The studio's minimum age and today's date in the studio's time zone.</summary>
    public async Task<(int MinimumAge, LocalDate Today)> AgePolicyAsync(CancellationToken cancellationToken)
    {
        var minimumAge = await db.Studios.AsNoTracking().Select(s => s.MinClientAge).SingleAsync(cancellationToken);
        await studioClock.LoadAsync(cancellationToken);
        return (minimumAge, studioClock.Today);
    }

    private async Task<(ClientDetails? Details, FieldErrors Errors)> ValidateAsync(ClientInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Check(() => Guard.Required(input.GivenName, "givenName", 80));
        errors.Check(() => Guard.Required(input.FamilyName, "familyName", 80));
        errors.Check(() => Guard.OptionalEmail(input.Email, "email"));
        errors.Check(() => Guard.OptionalPhone(input.Phone, "phone"));
        LocalDate? born = null;
        if (string.IsNullOrWhiteSpace(input.DateOfBirth))
        {
            errors.Add("dateOfBirth", "is required.");
        }
        else if (LocalDatePattern.Iso.Parse(input.DateOfBirth.Trim()) is not { Success: true } parsed)
        {
            errors.Add("dateOfBirth", "must be a date like 1988-04-30.");
        }
        else
        {
            var (minimumAge, today) = await AgePolicyAsync(cancellationToken);
            born = parsed.Value;
            if (born < Client.EarliestDateOfBirth)
            {
                errors.Add("dateOfBirth", "must be in 1900 or later.");
            }
            else if (born > today)
            {
                errors.Add("dateOfBirth", "is in the future.");
            }
            else if (Client.AgeOn(born.Value, today) < minimumAge)
            {
                errors.Add("dateOfBirth", string.Create(CultureInfo.InvariantCulture,
                    $"makes the client {Client.AgeOn(born.Value, today)}; this studio treats clients aged {minimumAge} and over, whatever a parent consents to."));
            }
        }

        return (errors.Any ? null : new ClientDetails(input.GivenName, input.FamilyName, input.Email, input.Phone, born), errors);
    }

    private static IEnumerable<string> SearchWords(string? search)
    {
        // A whole phone number, however written (+44 7700 900123, 07700 900123, (0)7700-900-123), is searched by its last
        // nine digits, as duplicates are compared: the country code or the trunk zero in front does not matter.
        var text = (search ?? "").Trim();
        var allDigits = new string(text.Where(char.IsAsciiDigit).ToArray());
        if (allDigits.Length >= 9 && text.All(ch => char.IsAsciiDigit(ch) || char.IsWhiteSpace(ch) || ch is '+' or '-' or '(' or ')' or '.'))
        {
            yield return allDigits[^9..];
            yield break;
        }

        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(6))
        {
            // A phone number typed with spaces, dashes or brackets matches the digits-only copy in the search column.
            var digits = new string(word.Where(char.IsAsciiDigit).ToArray());
            var looksLikePhone = digits.Length >= 3 && word.All(ch => char.IsAsciiDigit(ch) || ch is '+' or '-' or '(' or ')' or '.');
            // National numbers drop the leading zero that international ones (+44 7700 …) do not have.
            yield return looksLikePhone ? (digits.TrimStart('0') is { Length: >= 3 } national ? national : digits) : word.ToLowerInvariant();
        }
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
