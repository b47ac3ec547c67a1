using Stipple.Data.Tenancy;

namespace Stipple.Web.Infrastructure.Auth;

/// <summary>Scopes the request to the signed-in principal's studio; without one, the database shows no studio rows.</summary>
public static class StudioScopeMiddleware
{
    public static IApplicationBuilder UseStudioScope(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.StudioId() is { } studioId)
            {
                context.RequestServices.GetRequiredService<StudioScope>().Set(studioId);
            }

            await next(context);
        });
}
