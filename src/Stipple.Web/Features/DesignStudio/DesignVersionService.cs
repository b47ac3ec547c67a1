using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Stipple.Core.Design;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>
/// A consultation's saved designs and the client's approval. Saving validates and stipples the design once and keeps
/// its canonical JSON with the figures, as version n + 1 of the consultation; versions and approvals are never changed
/// (the database refuses), and the latest approval is the one that stands. Rows live under row-level security, so
/// another studio's consultation is simply not found.
/// </summary>
public sealed class DesignVersionService(StippleDbContext db, StudioScope scope, IClock clock)
{
    /// <summary>The consultation's versions, newest first, and its current approval; null when there is no such consultation.</summary>
    public async Task<DesignVersionListDto?> ListAsync(Guid consultationId, CancellationToken cancellationToken)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == consultationId, cancellationToken))
        {
            return null;
        }

        var rows = await (from v in db.DesignVersions.AsNoTracking()
                          where v.ConsultationId == consultationId
                          join s in db.StaffUsers.AsNoTracking() on v.CreatedBy equals s.Id into authors
                          from author in authors.DefaultIfEmpty()
                          orderby v.Number descending
                          select new { v.Number, v.Note, v.CreatedAt, Author = author == null ? null : author.DisplayName, v.TotalDots, v.MidFrontalPointMm })
            .ToListAsync(cancellationToken);
        var approval = await CurrentApprovalAsync(consultationId, cancellationToken);
        return new DesignVersionListDto(
            rows.Select(r => new DesignVersionSummaryDto(r.Number, r.Note, r.CreatedAt, r.Author, r.TotalDots, r.MidFrontalPointMm, r.Number == approval?.Number)).ToList(),
            approval);
    }

    /// <summary>Version <paramref name="number"/> of the consultation with its design; null when either does not exist.</summary>
    public async Task<DesignVersionDto?> GetAsync(Guid consultationId, int number, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(consultationId, number, cancellationToken);
        if (version is null)
        {
            return null;
        }

        var approval = await CurrentApprovalAsync(consultationId, cancellationToken);
        return version with { Approved = approval?.Number == number };
    }

    /// <summary>
    /// Saves <paramref name="designJson"/> (a stipple.design/1 document) as the consultation's next version. Problems
    /// are keyed by the design's JSON path under "design" (<c>design.zones[0].densityPerCm2</c>) and "note".
    /// </summary>
    public async Task<Result<DesignVersionDto>> SaveAsync(Guid consultationId, string? note, ReadOnlyMemory<byte> designJson, Guid? userId, CancellationToken cancellationToken)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == consultationId, cancellationToken))
        {
            return Result<DesignVersionDto>.Missing();
        }

        var errors = new FieldErrors();
        errors.Check(() => Guard.Optional(note, "note", DesignVersion.MaxNoteLength));
        var parsed = DesignJson.Parse(designJson.Span);
        AddIssues(parsed.Errors, errors);
        StippleResult? result = null;
        if (parsed.Document is { } document)
        {
            try
            {
                result = Stippler.Stipple(document);
            }
            catch (DesignValidationException e)
            {
                AddIssues(e.Errors, errors);
            }
        }

        if (errors.Any || result is null)
        {
            return Result<DesignVersionDto>.Invalid(errors);
        }

        // One save at a time per consultation, so numbers go 1, 2, 3 without gaps or clashes. The lock also finds the
        // consultation again, under row-level security, inside the transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Database
            .SqlQuery<Guid>($"select id as \"Value\" from consultations where id = {consultationId} for no key update")
            .ToListAsync(cancellationToken);
        if (locked.Count == 0)
        {
            return Result<DesignVersionDto>.Missing();
        }

        var number = 1 + (await db.DesignVersions.Where(v => v.ConsultationId == consultationId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0);
        var version = DesignVersion.Create(
            scope.Required, consultationId, number, DesignJson.Serialize(result.Design), note, result.DotCount, result.MidFrontalPointMm, userId, clock.GetCurrentInstant());
        db.DesignVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Result<DesignVersionDto>.Ok((await VersionAsync(consultationId, number, cancellationToken))!);
    }

    /// <summary>
    /// Records that the client approved version <paramref name="number"/>, with the name they typed; it supersedes any
    /// earlier approval of the consultation. Missing when the version does not exist.
    /// </summary>
    public async Task<Result<DesignApprovalDto>> ApproveAsync(Guid consultationId, int number, string? clientName, Guid? userId, CancellationToken cancellationToken)
    {
        var version = await db.DesignVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ConsultationId == consultationId && v.Number == number, cancellationToken);
        if (version is null)
        {
            return Result<DesignApprovalDto>.Missing();
        }

        var errors = new FieldErrors();
        var approval = errors.Check(() => DesignApproval.Record(version, clientName, userId, clock.GetCurrentInstant()));
        if (approval is null)
        {
            return Result<DesignApprovalDto>.Invalid(errors);
        }

        db.DesignApprovals.Add(approval);
        await db.SaveChangesAsync(cancellationToken);
        // Read back, so the time is the database's (to the microsecond), as every later read shows it.
        return Result<DesignApprovalDto>.Ok(await Approvals(db.DesignApprovals.Where(a => a.Id == approval.Id)).SingleAsync(cancellationToken));
    }

    /// <summary>The version the consultation's current approval is of, with that approval; null when nothing is approved.</summary>
    public async Task<(DesignVersionDto Version, DesignApprovalDto Approval)?> ApprovedAsync(Guid consultationId, CancellationToken cancellationToken)
    {
        if (await CurrentApprovalAsync(consultationId, cancellationToken) is not { } approval
            || await VersionAsync(consultationId, approval.Number, cancellationToken) is not { } version)
        {
            return null;
        }

        return (version with { Approved = true }, approval);
    }

    /// <summary>The version with its author and design, not yet told whether it is the approved one.</summary>
    private async Task<DesignVersionDto?> VersionAsync(Guid consultationId, int number, CancellationToken cancellationToken)
    {
        var row = await (from v in db.DesignVersions.AsNoTracking()
                         where v.ConsultationId == consultationId && v.Number == number
                         join s in db.StaffUsers.AsNoTracking() on v.CreatedBy equals s.Id into authors
                         from author in authors.DefaultIfEmpty()
                         select new { v.Number, v.Note, v.CreatedAt, Author = author == null ? null : author.DisplayName, v.TotalDots, v.MidFrontalPointMm, v.DocumentJson })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        // Read without re-validating: a saved version stays readable even if later rules would refuse it.
        var design = JsonSerializer.Deserialize<DesignDocument>(row.DocumentJson, DesignJson.Options)
            ?? throw new InvalidOperationException($"Design version {number} of consultation {consultationId} holds no document.");
        return new DesignVersionDto(row.Number, row.Note, row.CreatedAt, row.Author, row.TotalDots, row.MidFrontalPointMm, Approved: false, design);
    }

    /// <summary>The consultation's latest approval, or null.</summary>
    private async Task<DesignApprovalDto?> CurrentApprovalAsync(Guid consultationId, CancellationToken cancellationToken) =>
        await Approvals(db.DesignApprovals.Where(a => a.ConsultationId == consultationId).OrderByDescending(a => a.ApprovedAt).ThenByDescending(a => a.Id).Take(1))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The approvals with their version's number and the recorder's name.</summary>
    private IQueryable<DesignApprovalDto> Approvals(IQueryable<DesignApproval> approvals) =>
        from a in approvals.AsNoTracking()
        join v in db.DesignVersions.AsNoTracking() on a.VersionId equals v.Id
        join s in db.StaffUsers.AsNoTracking() on a.RecordedBy equals s.Id into recorders
        from recorder in recorders.DefaultIfEmpty()
        select new DesignApprovalDto(v.Number, a.ApprovedAt, a.ClientName, recorder == null ? null : recorder.DisplayName);

    /// <summary>The engine names fields by their path in the design; here they sit under "design" ("$" is the design itself).</summary>
    private static void AddIssues(IEnumerable<DesignIssue> issues, FieldErrors errors)
    {
        foreach (var issue in issues)
        {
            var field = issue.Field switch
            {
                "$" or "" => "design",
                _ when issue.Field.StartsWith('[') => "design" + issue.Field,
                _ => "design." + issue.Field,
            };
            errors.Add(field, issue.Message);
        }
    }
}
