using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using NodaTime;
using Stipple.Cli;
using Stipple.Data;
using Stipple.Data.Migrator;
using Stipple.Data.Seed;
using Stipple.Data.Tenancy;
using Stipple.Domain;

// `stipple` verbs. `./stipple <verb>` runs migrate and seed-demo with the private database when STIPPLE_DATABASE is not
// set; the design verbs need no database. Exit codes: see ExitCodes.
var root = new RootCommand("Stipple command line: database and demo-studio tasks, and designs.");

var migrate = new Command("migrate", "Apply the numbered SQL migrations (as the owner role: STIPPLE_MIGRATION_DATABASE, else STIPPLE_DATABASE).");
migrate.SetAction(async (_, cancellationToken) =>
{
    var connection = Environment.GetEnvironmentVariable("STIPPLE_MIGRATION_DATABASE") ?? Required("STIPPLE_DATABASE");
    using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
    var applied = await new SchemaMigrator(connection, MigrationScript.LoadEmbedded(), loggerFactory.CreateLogger("migrate")).MigrateAsync(cancellationToken);
    Console.WriteLine(applied.Count == 0 ? "The database is current." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
    return 0;
});
root.Subcommands.Add(migrate);

var migrations = new Command("migrations", "List the migrations this build carries, with their checksums.");
migrations.SetAction(_ =>
{
    foreach (var script in MigrationScript.LoadEmbedded())
    {
        Console.WriteLine($"{script.FileName}  {script.Checksum}");
    }

    return 0;
});
root.Subcommands.Add(migrations);

var seed = new Command("seed-demo", "Create the demo studio (once) in the app database (STIPPLE_DATABASE).");
seed.SetAction(async (_, cancellationToken) =>
{
    var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection()
        .AddStippleData(Required("STIPPLE_DATABASE"));
    await using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
    await using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateAsyncScope(provider);
    Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StudioScope>(scope.ServiceProvider).Set(DemoStudio.StudioId);
    var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<StippleDbContext>(scope.ServiceProvider);
    var hasher = new PasswordHasher<StaffUser>();
    var seeded = await DemoStudio.SeedAsync(db, p => hasher.HashPassword(null!, p), SystemClock.Instance.GetCurrentInstant(), cancellationToken);
    Console.WriteLine(seeded ? "Seeded the demo studio." : "The demo studio already exists.");
    Console.WriteLine($"Clients in the demo studio: {await db.Clients.CountAsync(cancellationToken)}");
    return 0;
});
root.Subcommands.Add(seed);
root.Subcommands.Add(DesignCommands.Create());
root.Subcommands.Add(ColourCommands.Create());

var parsed = root.Parse(args);
if (parsed.Action is System.CommandLine.Invocation.ParseErrorAction parseError)
{
    // A usage error prints what was wrong, not the whole help text (`--help` still shows it).
    parseError.ShowHelp = false;
}

var exitCode = await parsed.InvokeAsync();
// System.CommandLine prints parse errors and returns 1; a wrong command line is bad input, like an invalid design.
return parsed.Errors.Count > 0 ? ExitCodes.BadInput : exitCode;

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"{name} is not set. Run through ./stipple, which starts the private database, or set {name}.");
