using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;

namespace Stipple.Web.Tests.Infrastructure;

/// <summary>
/// The real app (Program) on a fresh, really migrated PostgreSQL database. One per test class (IClassFixture).
/// </summary>
public class StippleAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "correct horse battery";

    /// <summary>A date of birth that makes a client an adult in every studio (clients must have one).</summary>
    public const string AdultDateOfBirth = "1985-06-15";

    /// <summary><see cref="AdultDateOfBirth"/> as a date.</summary>
    public static LocalDate AdultBirthday { get; } = new(1985, 6, 15);

    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "stipple-test-" + Guid.NewGuid().ToString("N"));

    public TestDatabase Database { get; private set; } = null!;

    public string MailboxFolder => Path.Combine(dataDirectory, "mailbox");

    /// <summary>Where the app stores uploaded files (STIPPLE_FILES_DIR defaults to the data directory's files folder).</summary>
    public string FilesDirectory => Path.Combine(dataDirectory, "files");

    protected virtual bool SeedDemo => false;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        _ = Services; // starts the host: migrations run now
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("STIPPLE_DATABASE", Database.AppConnectionString);
        builder.UseSetting("STIPPLE_MIGRATION_DATABASE", Database.OwnerConnectionString);
        builder.UseSetting("STIPPLE_DATA_DIR", dataDirectory);
        builder.UseSetting("STIPPLE_SEED_DEMO", SeedDemo ? "1" : "0");
    }

    /// <summary>Runs <paramref name="work"/> with a DbContext scoped to <paramref name="studioId"/>, as a request would be.</summary>
    public async Task<T> InStudioAsync<T>(Guid studioId, Func<StippleDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StudioScope>().Set(studioId);
        return await work(scope.ServiceProvider.GetRequiredService<StippleDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> with the services of a request scoped to <paramref name="studioId"/> (feature services included).</summary>
    public async Task<T> InStudioServicesAsync<T>(Guid studioId, Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<StudioScope>().Set(studioId);
        return await work(scope.ServiceProvider);
    }

    /// <summary>Stores a new active API key for the studio and returns the key itself (as an owner would copy it).</summary>
    public async Task<string> CreateApiKeyAsync(Guid studioId, string name = "test key")
    {
        var key = ApiKeyFormat.Create(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await InStudioAsync(studioId, async db =>
        {
            db.ApiKeys.Add(ApiKey.Create(studioId, Guid.NewGuid(), name, ApiKeyFormat.Parse(key)!.Value.Prefix, ApiKeyFormat.Hash(key), null, SystemClock.Instance.GetCurrentInstant()));
            return await db.SaveChangesAsync();
        });
        return key;
    }

    /// <summary>An HttpClient that sends <paramref name="key"/> as a bearer token and does not follow redirects.</summary>
    public HttpClient CreateApiClient(string key)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>A studio with one member of staff per role and two clients; every account's password is <see cref="Password"/>.</summary>
    public async Task<TestStudio> CreateStudioAsync(string name)
    {
        var id = Guid.NewGuid();
        var tag = id.ToString("N")[..8];
        var hasher = Services.GetRequiredService<IPasswordHasher<StaffUser>>();
        var now = SystemClock.Instance.GetCurrentInstant();
        return await InStudioAsync(id, async db =>
        {
            db.Studios.Add(Studio.Create(id, name, "Europe/London", "GBP", "en-GB", now));
            db.WeeklyHours.AddRange(StudioCalendarDefaults.OpeningHours(id));
            StaffUser Staff(string who, StaffRole role)
            {
                var user = StaffUser.Create(id, Guid.NewGuid(), $"{who}-{tag}@example.com", $"{who} {name}", role, now);
                user.SetPasswordHash(hasher.HashPassword(user, Password));
                db.StaffUsers.Add(user);
                return user;
            }

            var owner = Staff("owner", StaffRole.Owner);
            var practitioner = Staff("practitioner", StaffRole.Practitioner);
            var desk = Staff("desk", StaffRole.FrontDesk);
            var first = Client.Create(id, Guid.NewGuid(), new ClientDetails("Ada", $"Client{tag}", $"ada-{tag}@example.com", null, new LocalDate(1985, 6, 15)), now);
            var second = Client.Create(id, Guid.NewGuid(), new ClientDetails("Ben", $"Client{tag}", null, "+44 7700 900000", new LocalDate(1979, 2, 3)), now);
            db.Clients.AddRange(first, second);
            db.Rooms.Add(Room.Create(id, Guid.NewGuid(), "Room A"));
            await db.SaveChangesAsync();
            return new TestStudio(id, name, tag, owner, practitioner, desk, [first, second]);
        });
    }
}
