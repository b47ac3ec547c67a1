using Microsoft.EntityFrameworkCore;
using Stipple.Data;
using Stipple.Web.Features.Design;
using Stipple.Web.Features.DesignStudio;

namespace Stipple.Web.Features.Scheduling;

/// <summary>
/// What a plan is built from: the consultation's approved design (its session count, and per session the impressions
/// and estimated needling time), against the session lengths the studio books.
/// </summary>
public sealed class PlanBasisService(StippleDbContext db, DesignVersionService designs, DesignService designService, SchedulingSettingsService settings)
{
    /// <summary>The default number of sessions (smp-facts §13.4) when no design is approved.</summary>
    public const int DefaultSessions = 3;

    /// <summary>
    /// The session count of the approved design of <paramref name="consultationId"/> (or of the client's latest
    /// consultation with an approved design when none is named), else <see cref="DefaultSessions"/>.
    /// </summary>
    public async Task<int> SessionCountAsync(Guid clientId, Guid? consultationId, CancellationToken cancellationToken)
    {
        var consultation = consultationId ?? await LatestApprovedAsync(clientId, cancellationToken);
        return consultation is { } id && await designs.ApprovedAsync(id, cancellationToken) is { } approved
            ? approved.Version.Design.Sessions.Count
            : DefaultSessions;
    }

    /// <summary>The id of the approved design version of the consultation, or null.</summary>
    public async Task<Guid?> ApprovedVersionIdAsync(Guid consultationId, CancellationToken cancellationToken)
    {
        // The same order as DesignVersionService's current approval: the latest, ties broken by id.
        var number = await db.DesignApprovals.AsNoTracking().Where(a => a.ConsultationId == consultationId)
            .OrderByDescending(a => a.ApprovedAt).ThenByDescending(a => a.Id).Select(a => (Guid?)a.VersionId).FirstOrDefaultAsync(cancellationToken);
        return number;
    }

    /// <summary>The plan's basis for <paramref name="consultationId"/> (or the client's latest approved design).</summary>
    public async Task<PlanBasisDto> BasisAsync(Guid clientId, Guid? consultationId, CancellationToken cancellationToken)
    {
        var rules = await settings.GetAsync(cancellationToken);
        var consultation = consultationId ?? await LatestApprovedAsync(clientId, cancellationToken);
        if (consultation is not { } id || await designs.ApprovedAsync(id, cancellationToken) is not { } approved)
        {
            return new PlanBasisDto(consultation, null, DefaultSessions, [.. Enumerable.Range(1, DefaultSessions).Select(n => new PlanSessionBasisDto(n, 0, 0, Booked(rules, n)))]);
        }

        var (_, report) = await designService.StippleAsync(approved.Version.Design, cancellationToken);
        var sessions = report.Sessions.Select(s => new PlanSessionBasisDto(s.Session, s.Dots, s.EstimatedMinutes, Booked(rules, s.Session))).ToList();
        return new PlanBasisDto(id, approved.Version.Number, approved.Version.Design.Sessions.Count, sessions);
    }

    private static int Booked(Core.Scheduling.SchedulingSettings rules, int session) =>
        session == 1 ? rules.FirstSessionMinutes : rules.FollowUpSessionMinutes;

    private async Task<Guid?> LatestApprovedAsync(Guid clientId, CancellationToken cancellationToken) =>
        await (from a in db.DesignApprovals.AsNoTracking()
               join c in db.Consultations.AsNoTracking() on a.ConsultationId equals c.Id
               where c.ClientId == clientId
               orderby a.ApprovedAt descending
               select (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
}
