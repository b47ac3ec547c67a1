using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Care;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Features.Screening;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.Consultations;

/// <summary>
/// Intakes: the studio's own questions (versioned), submitting an intake for a consultation (which screens it and
/// records the result on the consultation), and the one-time links a client fills it through before the visit.
/// </summary>
public sealed class IntakeService(StippleDbContext db, StudioScope scope, IClock clock, ScreeningService screening)
{
    /// <summary>How long a client link works.</summary>
    public static Duration LinkLifetime { get; } = Duration.FromDays(7);

    /// <summary>The studio's current own questions and their version (null and empty when it has none).</summary>
    public async Task<(int? Version, IReadOnlyList<StudioQuestion> Questions)> QuestionsAsync(CancellationToken cancellationToken)
    {
        var form = await db.IntakeForms.AsNoTracking().OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);
        return form is null ? (null, []) : (form.Version, JsonSerializer.Deserialize<List<StudioQuestion>>(form.QuestionsJson, Json) ?? []);
    }

    /// <summary>Saves the studio's own questions as a new version (unless they are unchanged).</summary>
    public async Task<Result<int>> SaveQuestionsAsync(IReadOnlyList<StudioQuestion> questions, Guid? staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var errors = new FieldErrors();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            if (string.IsNullOrWhiteSpace(q.Question) || q.Question.Length > 300)
            {
                errors.Add($"questions[{i}].question", "is required and at most 300 characters.");
            }

            if (string.IsNullOrWhiteSpace(q.Key) || q.Key.Length > 40 || !q.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || !keys.Add(q.Key))
            {
                errors.Add($"questions[{i}].key", "must be unique, up to 40 letters, digits or dashes.");
            }
        }

        if (questions.Count > 30)
        {
            errors.Add("questions", "at most 30 questions.");
        }

        if (errors.Any)
        {
            return Result<int>.Invalid(errors);
        }

        var json = JsonSerializer.Serialize(questions.Select(q => q with { Question = q.Question.Trim() }), Json);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        var latest = await db.IntakeForms.OrderByDescending(f => f.Version).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && string.Equals(latest.ContentHash, hash, StringComparison.Ordinal))
        {
            return Result<int>.Ok(latest.Version);
        }

        var form = IntakeForm.Create(scope.Required, (latest?.Version ?? 0) + 1, json, hash, staffId, clock.GetCurrentInstant());
        db.IntakeForms.Add(form);
        await db.SaveChangesAsync(cancellationToken);
        return Result<int>.Ok(form.Version);
    }

    /// <summary>The client's latest intake, for filling a new form from what was said last time.</summary>
    public async Task<Intake?> LatestAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var json = await db.Intakes.AsNoTracking().Where(i => i.ClientId == clientId).OrderByDescending(i => i.CreatedAt)
            .Select(i => i.AnswersJson).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<Intake>(json, CareJson.Options);
    }

    /// <summary>
    /// Stores the intake for the consultation's client, screens it for the consultation's day with the studio's rules
    /// and records the result on the consultation. Invalid intakes are refused with field errors and nothing is stored.
    /// </summary>
    public async Task<Result<IntakeOutcome>> SubmitAsync(Guid consultationId, Intake intake, IntakeSource source, Guid? staffId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == consultationId, cancellationToken);
        if (consultation is null)
        {
            return Result<IntakeOutcome>.Missing();
        }

        var today = await screening.TodayAsync(cancellationToken);
        var errors = ScreeningService.Check(intake, today);
        if (errors.Any)
        {
            return Result<IntakeOutcome>.Invalid(errors);
        }

        var (version, _) = await QuestionsAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var record = IntakeRecord.Create(scope.Required, consultation.ClientId, version, JsonSerializer.Serialize(intake, CareJson.Options), source, staffId, now);
        db.Intakes.Add(record);
        var on = consultation.HeldOn > today ? consultation.HeldOn : today;
        var result = CandidacyScreening.Evaluate(intake, on, await screening.SettingsAsync(cancellationToken));
        consultation.RecordScreening(record.Id, JsonSerializer.Serialize(result, CareJson.Options), result.Overall.ToString(), now);
        await db.SaveChangesAsync(cancellationToken);
        return Result<IntakeOutcome>.Ok(new IntakeOutcome(record.Id, result));
    }

    /// <summary>Creates a one-time link for the client of the consultation; returns the token for the URL (shown once).</summary>
    public async Task<string?> CreateLinkAsync(Guid consultationId, Guid? staffId, CancellationToken cancellationToken)
    {
        var clientId = await db.Consultations.Where(c => c.Id == consultationId).Select(c => (Guid?)c.ClientId).SingleOrDefaultAsync(cancellationToken);
        if (clientId is null)
        {
            return null;
        }

        var token = LinkTokens.New();
        db.ClientLinks.Add(ClientLink.Create(scope.Required, clientId.Value, consultationId, LinkTokens.Hash(token), LinkLifetime, staffId, clock.GetCurrentInstant()));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Finds an unexpired link by its token and scopes the request to its studio. Whether the intake may still be
    /// submitted through it is <see cref="ClientLink.IsOpen"/>; a used link still shows the client their own records
    /// until it expires.
    /// </summary>
    public async Task<ClientLink?> FindLinkAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = LinkTokens.Hash(token);
        var location = await db.Database
            .SqlQuery<LinkLocation>($"select studio_id as \"StudioId\", link_id as \"LinkId\" from stipple_find_client_link({hash})")
            .SingleOrDefaultAsync(cancellationToken);
        if (location is null)
        {
            return null;
        }

        scope.Set(location.StudioId);
        var link = await db.ClientLinks.FirstOrDefaultAsync(l => l.Id == location.LinkId, cancellationToken);
        return link is not null && clock.GetCurrentInstant() < link.ExpiresAt ? link : null;
    }

    /// <summary>Submits the client's own intake through their link and closes the link for further intakes.</summary>
    public async Task<Result<IntakeOutcome>> SubmitThroughLinkAsync(ClientLink link, Intake intake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!link.IsOpen(clock.GetCurrentInstant()) || link.ConsultationId is not { } consultationId)
        {
            return Result<IntakeOutcome>.Invalid("token", "This link has already been used or has expired. Ask the studio for a new one.");
        }

        link.MarkUsed(clock.GetCurrentInstant());
        return await SubmitAsync(consultationId, intake, IntakeSource.ClientLink, null, cancellationToken);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record LinkLocation(Guid StudioId, Guid LinkId);
}
