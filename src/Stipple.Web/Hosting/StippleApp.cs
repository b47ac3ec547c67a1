using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Stipple.Web.Features.CalendarFeeds;
using Stipple.Web.Features.ApiKeys;
using Stipple.Web.Features.Clients;
using Stipple.Web.Features.Colour;
using Stipple.Web.Features.Consents;
using Stipple.Web.Features.Design;
using Stipple.Web.Features.DesignStudio;
using Stipple.Web.Features.Photos;
using Stipple.Web.Features.Pigments;
using Stipple.Web.Features.Settings;
using Stipple.Web.Features.Scheduling;
using Stipple.Web.Features.Screening;
using Stipple.Web.Features.Staff;
using Stipple.Web.Features.StudioCalendar;
using Stipple.Web.Infrastructure;
using Stipple.Web.Infrastructure.Auth;

namespace Stipple.Web.Hosting;

public static class StippleApp
{
    public static WebApplication UseStipple(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ApiErrors.HandleAsync });
        app.UseStatusCodePages(ApiErrors.StatusCodePageAsync);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseStudioScope();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapStipple(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapRazorPages();
        app.MapClientPhotoRoutes();
        app.MapCalendarFeeds();

        var api = app.MapGroup("/api/v1")
            .AddEndpointFilter<CookieApiAntiforgeryFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapStudioApi();
        api.MapStaffApi();
        api.MapClientApi();
        api.MapPigmentApi();
        api.MapColourApi();
        api.MapApiKeyApi();
        api.MapDesignApi();
        api.MapScreeningApi();
        api.MapPhotoApi();
        api.MapConsentApi();
        api.MapDesignStudioApi();
        api.MapBookingApi();
        api.MapStudioCalendarApi();
        return app;
    }
}
