using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.DesignStudio;

/// <summary>
/// What the versions panel shows: every saved version, the client's approval, and (after a refused approval) what was
/// typed and why it was refused.
/// </summary>
public sealed record DesignVersionsView(
    Guid ConsultationId,
    DesignVersionListDto List,
    bool CanEdit,
    StudioClock Clock,
    string? ClientFullName,
    string? ApproveName,
    FieldErrors? ApproveErrors);
