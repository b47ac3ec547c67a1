using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Consents;

/// <summary>
/// Consent texts (versioned; an edit saves the next version) and signed consents (written once; the database refuses
/// changes). A client's consent holds while the text they signed is the current one; a new version asks again.
/// </summary>
public sealed class ConsentService(StippleDbContext db, StudioScope scope, IClock clock)
{
    /// <summary>
    /// The latest version of each kind, in <see cref="ConsentKinds.All"/> order. A kind the studio has no text for yet
    /// gets version 1 from <see cref="DefaultConsentTexts"/> now.
    /// </summary>
    public async Task<IReadOnlyList<ConsentTemplateDto>> CurrentTemplatesAsync(CancellationToken cancellationToken)
    {
        var current = await LatestAsync(cancellationToken);
        for (var attempt = 0; current.Count < ConsentKinds.All.Count && attempt < 3; attempt++)
        {
            var now = clock.GetCurrentInstant();
            foreach (var kind in ConsentKinds.All.Where(k => !current.Any(t => t.Kind == k)))
            {
                var (title, body) = DefaultConsentTexts.For(kind);
                db.ConsentTemplates.Add(ConsentTemplate.Create(scope.Required, kind, 1, title, body, null, now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                // Another request wrote version 1 first; theirs stands (the texts are the same).
                db.ChangeTracker.Clear();
            }

            current = await LatestAsync(cancellationToken);
        }

        return ConsentKinds.All.Select(k => ConsentTemplateDto.From(current.Single(t => t.Kind == k))).ToList();
    }

    /// <summary>Every version but the current one of each kind, newest first (what older consents were signed against).</summary>
    public async Task<IReadOnlyList<ConsentTemplateDto>> EarlierVersionsAsync(CancellationToken cancellationToken) =>
        (await db.ConsentTemplates.AsNoTracking()
            .Where(t => db.ConsentTemplates.Any(n => n.Kind == t.Kind && n.Version > t.Version))
            .OrderByDescending(t => t.Version)
            .ToListAsync(cancellationToken))
        .Select(ConsentTemplateDto.From).ToList();

    /// <summary>
    /// Saves an edited text as the next version of <paramref name="kind"/>. The same text (same hash) as the current
    /// version writes nothing; an edit started from an older version than the current one is refused, not overwritten.
    /// </summary>
    public async Task<Result<TemplateSaved>> SaveTemplateAsync(ConsentKind kind, TemplateInput input, Guid? staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var title = errors.Check(() => Guard.Required(input.Title, "title", 200));
        var body = errors.Check(() => Guard.Required(input.Body, "body", 50000));
        var current = (await CurrentTemplatesAsync(cancellationToken)).Single(t => t.KindValue == kind);
        if (input.BasedOnVersion is { } basedOn && basedOn != current.Version)
        {
            errors.Add("body", $"Someone saved version {current.Version} while you were editing version {basedOn}. Your text is kept here: compare it with the current text and save again.");
        }

        if (errors.Any)
        {
            return Result<TemplateSaved>.Invalid(errors);
        }

        if (string.Equals(ConsentTemplate.HashOf(title!, ConsentTemplate.NormaliseBody(body!)), current.ContentHash, StringComparison.Ordinal))
        {
            return Result<TemplateSaved>.Ok(new TemplateSaved(current, Created: false));
        }

        var template = ConsentTemplate.Create(scope.Required, kind, current.Version + 1, title, body, staffId, clock.GetCurrentInstant());
        db.ConsentTemplates.Add(template);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            return Result<TemplateSaved>.Invalid("body", $"Someone saved version {current.Version + 1} at the same moment. Your text is kept here: compare it with theirs and save again.");
        }

        return Result<TemplateSaved>.Ok(new TemplateSaved(ConsentTemplateDto.From(template), Created: true));
    }

    /// <summary>The consultation's client and the current text of <paramref name="kind"/>; null when there is no such consultation.</summary>
    public async Task<SigningContext?> SigningAsync(Guid consultationId, ConsentKind kind, CancellationToken cancellationToken)
    {
        var row = await (from c in db.Consultations.AsNoTracking()
                         where c.Id == consultationId
                         join client in db.Clients.AsNoTracking() on c.ClientId equals client.Id
                         select new { c.Id, c.ClientId, c.HeldOn, client.GivenName, client.FamilyName }).SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var template = (await CurrentTemplatesAsync(cancellationToken)).Single(t => t.KindValue == kind);
        return new SigningContext(row.Id, row.ClientId, $"{row.GivenName} {row.FamilyName}", row.HeldOn, template);
    }

    /// <summary>
    /// Records the client's signature of the current text of <paramref name="kind"/> at the consultation, with where it
    /// came from and the member of staff who witnessed it.
    /// </summary>
    public async Task<Result<ClientConsentDto>> SignAsync(
        Guid consultationId, ConsentKind kind, SignatureInput input, string? ipAddress, string? userAgent, Guid? witnessId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await SigningAsync(consultationId, kind, cancellationToken) is not { } context)
        {
            return Result<ClientConsentDto>.Missing();
        }

        var errors = new FieldErrors();
        var typedName = errors.Check(() => Guard.Required(input.TypedName, "typedName", 160));
        var png = SignatureImage.Read(input.SignaturePng, input.StrokePoints, errors);
        if (input.TemplateId is { } shown && shown != context.Template.Id)
        {
            errors.Add("templateId", $"The studio changed this text while the page was open. This is version {context.Template.Version}: ask the client to read it and sign again.");
        }

        if (errors.Any)
        {
            return Result<ClientConsentDto>.Invalid(errors);
        }

        var template = await db.ConsentTemplates.AsNoTracking().SingleAsync(t => t.Id == context.Template.Id, cancellationToken);
        var consent = Consent.Sign(template, context.ClientId, consultationId, new ConsentSignature(typedName, png!, ipAddress, userAgent), witnessId, clock.GetCurrentInstant());
        db.Consents.Add(consent);
        await db.SaveChangesAsync(cancellationToken);
        return Result<ClientConsentDto>.Ok(new ClientConsentDto(
            consent.Id, ConsentKinds.Code(kind), consent.TemplateVersion, consent.ContentHash, consent.TypedName, consent.SignedAt, consultationId, Current: true));
    }

    public async Task<bool> ConsultationExistsAsync(Guid consultationId, CancellationToken cancellationToken) =>
        await db.Consultations.AnyAsync(c => c.Id == consultationId, cancellationToken);

    /// <summary>Each kind's current text and where the consultation's client stands with it; null when there is no such consultation.</summary>
    public async Task<IReadOnlyList<ConsentStatus>?> StatusForConsultationAsync(Guid consultationId, CancellationToken cancellationToken)
    {
        var clientId = await db.Consultations.AsNoTracking().Where(c => c.Id == consultationId).Select(c => (Guid?)c.ClientId).SingleOrDefaultAsync(cancellationToken);
        if (clientId is null)
        {
            return null;
        }

        var current = await CurrentTemplatesAsync(cancellationToken);
        var signed = await SignedAsync(clientId.Value, current, cancellationToken);
        return current.Select(t => new ConsentStatus(
            t,
            signed.FirstOrDefault(s => s.KindValue == t.KindValue && s.Current) ?? signed.FirstOrDefault(s => s.KindValue == t.KindValue))).ToList();
    }

    /// <summary>Every consent the client signed, newest first; null when there is no such client.</summary>
    public async Task<IReadOnlyList<ClientConsentDto>?> ListForClientAsync(Guid clientId, CancellationToken cancellationToken)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return null;
        }

        return await SignedAsync(clientId, await CurrentTemplatesAsync(cancellationToken), cancellationToken);
    }

    private async Task<List<ConsentTemplate>> LatestAsync(CancellationToken cancellationToken) =>
        await db.ConsentTemplates.AsNoTracking()
            .Where(t => !db.ConsentTemplates.Any(n => n.Kind == t.Kind && n.Version > t.Version))
            .ToListAsync(cancellationToken);

    /// <summary>The client's consents without their signature images (the PDF carries those), newest first.</summary>
    private async Task<List<ClientConsentDto>> SignedAsync(Guid clientId, IReadOnlyList<ConsentTemplateDto> current, CancellationToken cancellationToken)
    {
        var currentIds = current.Select(t => t.Id).ToList();
        var rows = await db.Consents.AsNoTracking().Where(c => c.ClientId == clientId).OrderByDescending(c => c.SignedAt)
            .Select(c => new { c.Id, c.Kind, c.TemplateVersion, c.ContentHash, c.TypedName, c.SignedAt, c.ConsultationId, c.TemplateId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ClientConsentDto(
            r.Id, ConsentKinds.Code(r.Kind), r.TemplateVersion, r.ContentHash, r.TypedName, r.SignedAt, r.ConsultationId, currentIds.Contains(r.TemplateId))).ToList();
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
