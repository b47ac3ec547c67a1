using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Migrator;
using Stipple.Data.Seed;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Hosting;

/// <summary>Start-up work on the database: migrate as the owner, check the app role, seed the demo studio once.</summary>
public static class DatabaseStartup
{
    public static async Task PrepareDatabaseAsync(this WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<StippleSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Stipple.Startup");

        if (settings.Migrate)
        {
            var applied = await new SchemaMigrator(settings.MigrationDatabase, MigrationScript.LoadEmbedded(), logger).MigrateAsync(cancellationToken);
            logger.LogInformation("Database schema is current ({Applied} migration(s) applied now)", applied.Count);
        }

        await DatabaseRoleCheck.EnsureRowLevelSecurityAppliesAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);

        if (settings.SeedDemo)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<StudioScope>().Set(DemoStudio.StudioId);
            var db = scope.ServiceProvider.GetRequiredService<StippleDbContext>();
            var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffUser>>();
            var now = app.Services.GetRequiredService<IClock>().GetCurrentInstant();
            if (await DemoStudio.SeedAsync(db, password => hasher.HashPassword(null!, password), now, cancellationToken))
            {
                logger.LogInformation("Seeded the demo studio");
            }

            if (settings.DemoApiKey is { } key)
            {
                await DemoStudio.EnsureApiKeyAsync(db, key, now, cancellationToken);
            }

            app.Lifetime.ApplicationStarted.Register(() => PrintBanner(app, settings));
        }
    }

    private static void PrintBanner(WebApplication app, StippleSettings settings)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var lines = new List<string>
        {
            "",
            "  Stipple is running.",
            $"  Open {address}",
            "",
            $"  Demo sign-ins (password: {DemoStudio.Password})",
        };
        lines.AddRange(DemoStudio.Staff.Select(s => $"    {s.Role.DisplayName(),-13} {s.Email}"));
        if (settings.DemoApiKey is { } key)
        {
            lines.Add("");
            lines.Add($"  Demo API key: {key}");
            lines.Add($"    curl -H 'Authorization: Bearer {key}' {address}/api/v1/clients");
        }

        lines.Add("");
        lines.Add("  Press Ctrl-C to stop.");
        Console.Out.WriteLine(string.Join(Environment.NewLine, lines));
        Console.Out.Flush();
    }
}
