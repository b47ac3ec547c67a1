using Microsoft.AspNetCore.Mvc.RazorPages;
using Stipple.Web.Features.Layout;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Features.Dashboard;

public sealed class IndexModel(DashboardService dashboard, StudioClock clock) : PageModel
{
    public DashboardView View { get; private set; } = new([], 0, 0, 0);

    public StudioClock Clock => clock;

    public string TodayText => clock.FormatDate(clock.Today);

    public string PartOfDay => clock.Now.Hour switch
    {
        < 12 => "morning",
        < 18 => "afternoon",
        _ => "evening",
    };

    public string FirstName => (User.Name() ?? "").Split(' ')[0];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken);
        View = await dashboard.GetAsync(cancellationToken);
    }
}
