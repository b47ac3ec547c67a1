using Microsoft.AspNetCore.Authentication;

namespace Stipple.Web.Infrastructure.Auth;

public static class AuthenticationSetup
{
    public static IServiceCollection AddStippleAuthentication(this IServiceCollection services)
    {
        services.AddScoped<StaffCookieEvents>();
        services
            .AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Cookie or API key", options =>
                options.ForwardDefaultSelector = context =>
                    ApiKeyAuthenticationHandler.ReadKey(context.Request) is null ? AuthSchemes.Cookie : AuthSchemes.ApiKey)
            .AddCookie(AuthSchemes.Cookie, options =>
            {
                options.Cookie.Name = "stipple.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(10);
                options.SlidingExpiration = true;
                options.LoginPath = "/Accounts/SignIn";
                options.LogoutPath = "/Accounts/SignOut";
                options.AccessDeniedPath = "/Accounts/Denied";
                options.EventsType = typeof(StaffCookieEvents);
            })
            .AddCookie(AuthSchemes.TwoFactor, options =>
            {
                // Holds "password checked, code still owed" for a few minutes, like Identity's two-factor cookie.
                options.Cookie.Name = "stipple.2fa";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromMinutes(5);
                options.SlidingExpiration = false;
                options.LoginPath = "/Accounts/SignIn";
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null);
        services.AddAuthorization(Policies.Add);
        return services;
    }
}
