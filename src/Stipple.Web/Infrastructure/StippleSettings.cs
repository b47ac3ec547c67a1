namespace Stipple.Web.Infrastructure;

/// <summary>
/// Settings read from configuration (environment variables by default). Names match the README's configuration table.
/// </summary>
public sealed record StippleSettings
{
    /// <summary>Connection string for the app role (never superuser or BYPASSRLS). <c>STIPPLE_DATABASE</c>.</summary>
    public required string Database { get; init; }

    /// <summary>Connection string for the role that owns the schema and runs migrations. <c>STIPPLE_MIGRATION_DATABASE</c>.</summary>
    public required string MigrationDatabase { get; init; }

    /// <summary>Apply migrations at start-up. <c>STIPPLE_MIGRATE</c>, default true.</summary>
    public bool Migrate { get; init; } = true;

    /// <summary>Seed the demo studio once. <c>STIPPLE_SEED_DEMO</c>.</summary>
    public bool SeedDemo { get; init; }

    /// <summary>Fixes the demo API key's value. <c>STIPPLE_DEMO_API_KEY</c>.</summary>
    public string? DemoApiKey { get; init; }

    /// <summary>Data-protection keys and the development mailbox live here. <c>STIPPLE_DATA_DIR</c>.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Where uploaded photos and documents are stored. <c>STIPPLE_FILES_DIR</c>, default <c>{data}/files</c>.</summary>
    public required string FilesDirectory { get; init; }

    /// <summary>Largest photo accepted, in bytes. <c>STIPPLE_MAX_PHOTO_BYTES</c>, default 20 MiB.</summary>
    public long MaxPhotoBytes { get; init; } = 20 * 1024 * 1024;

    public SmtpSettings? Smtp { get; init; }

    /// <summary>Largest request body accepted, in bytes. <c>STIPPLE_MAX_REQUEST_BYTES</c>, default 10 MiB.</summary>
    public long MaxRequestBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Run the outbox dispatcher (appointment reminders) in this instance. <c>STIPPLE_OUTBOX_ENABLED</c>, default true.</summary>
    public bool OutboxEnabled { get; init; } = true;

    /// <summary>How often the outbox dispatcher looks for due messages. <c>STIPPLE_OUTBOX_POLL_MS</c>, default 15 000 ms.</summary>
    public TimeSpan OutboxPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    public static StippleSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = configuration["STIPPLE_DATABASE"];
        if (string.IsNullOrWhiteSpace(database))
        {
            throw new InvalidOperationException(
                "STIPPLE_DATABASE is not set. Start Stipple with ./stipple run (which starts a private PostgreSQL), or set STIPPLE_DATABASE to a PostgreSQL connection string.");
        }

        var smtpHost = configuration["STIPPLE_SMTP_HOST"];
        var dataDirectory = NonEmpty(configuration["STIPPLE_DATA_DIR"]) ?? Path.Combine(contentRoot, ".stipple");
        return new StippleSettings
        {
            Database = database,
            MigrationDatabase = NonEmpty(configuration["STIPPLE_MIGRATION_DATABASE"]) ?? database,
            Migrate = Flag(configuration["STIPPLE_MIGRATE"], defaultValue: true),
            SeedDemo = Flag(configuration["STIPPLE_SEED_DEMO"], defaultValue: false),
            DemoApiKey = NonEmpty(configuration["STIPPLE_DEMO_API_KEY"]),
            DataDirectory = dataDirectory,
            FilesDirectory = NonEmpty(configuration["STIPPLE_FILES_DIR"]) ?? Path.Combine(dataDirectory, "files"),
            MaxPhotoBytes = long.TryParse(configuration["STIPPLE_MAX_PHOTO_BYTES"], System.Globalization.CultureInfo.InvariantCulture, out var maxPhoto) && maxPhoto > 0 ? maxPhoto : 20 * 1024 * 1024,
            MaxRequestBytes = long.TryParse(configuration["STIPPLE_MAX_REQUEST_BYTES"], System.Globalization.CultureInfo.InvariantCulture, out var max) && max > 0 ? max : 10 * 1024 * 1024,
            OutboxEnabled = Flag(configuration["STIPPLE_OUTBOX_ENABLED"], defaultValue: true),
            OutboxPollInterval = int.TryParse(configuration["STIPPLE_OUTBOX_POLL_MS"], System.Globalization.CultureInfo.InvariantCulture, out var poll) && poll > 0
                ? TimeSpan.FromMilliseconds(poll)
                : TimeSpan.FromSeconds(15),
            Smtp = string.IsNullOrWhiteSpace(smtpHost)
                ? null
                : new SmtpSettings(
                    smtpHost,
                    int.TryParse(configuration["STIPPLE_SMTP_PORT"], System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : 587,
                    NonEmpty(configuration["STIPPLE_SMTP_USER"]),
                    NonEmpty(configuration["STIPPLE_SMTP_PASSWORD"]),
                    NonEmpty(configuration["STIPPLE_SMTP_FROM"]) ?? "Stipple <no-reply@localhost>",
                    Flag(configuration["STIPPLE_SMTP_TLS"], defaultValue: true)),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static bool Flag(string? value, bool defaultValue) => value?.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "yes" or "on" => true,
        "0" or "false" or "no" or "off" => false,
        _ => defaultValue,
    };
}
