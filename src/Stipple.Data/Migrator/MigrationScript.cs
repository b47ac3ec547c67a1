using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Stipple.Data.Migrator;

/// <summary>One numbered SQL file: <c>0001_foundation.sql</c> has version 1 and name <c>foundation</c>.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    private const string ResourcePrefix = "Stipple.Data.Migrations.";

    /// <summary>
    /// SHA-256 of the script with line endings normalised, so a checkout on Windows does not count as a change.
    /// Computed from <see cref="Sql"/> each time, so a copy made with <c>with</c> never carries a stale checksum.
    /// </summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    public string FileName => string.Create(CultureInfo.InvariantCulture, $"{Version:D4}_{Name}.sql");

    /// <summary>The scripts compiled into this assembly from <c>Migrations/*.sql</c>, in version order.</summary>
    public static IReadOnlyList<MigrationScript> LoadEmbedded()
    {
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Parse(n[ResourcePrefix.Length..], Read(assembly, n)))
            .OrderBy(s => s.Version)
            .ToList();

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two migrations share version {duplicate.Key}: {string.Join(", ", duplicate.Select(s => s.FileName))}.");
        }

        return scripts;
    }

    /// <summary>Reads the version and name from a file name of the form <c>NNNN_name.sql</c>.</summary>
    public static MigrationScript Parse(string fileName, string sql)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var underscore = stem.IndexOf('_', StringComparison.Ordinal);
        if (underscore < 1 || !int.TryParse(stem.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new InvalidOperationException($"Migration file '{fileName}' must be named NNNN_name.sql.");
        }

        return new MigrationScript(version, stem[(underscore + 1)..], sql);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded migration {resource}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
