using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Stipple.Data.Tenancy;

namespace Stipple.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the data source for the app role, the request's <see cref="StudioScope"/>, and the DbContext whose
    /// every connection is set to that studio.
    /// </summary>
    public static IServiceCollection AddStippleData(this IServiceCollection services, string appConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(appConnectionString)
        {
            // The studio is set on every open (StudioConnectionInterceptor); reset-on-close stays on as a second guard.
            NoResetOnClose = false,
            ApplicationName = "stipple",
        };
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(builder.ConnectionString).Build());
        services.AddScoped<StudioScope>();
        services.AddScoped<StudioConnectionInterceptor>();
        services.AddDbContext<StippleDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(sp.GetRequiredService<StudioConnectionInterceptor>()));
        return services;
    }
}
