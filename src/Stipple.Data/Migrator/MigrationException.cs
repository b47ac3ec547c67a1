namespace Stipple.Data.Migrator;

/// <summary>The database and the migration files disagree; the app must not start on such a database.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException()
    {
    }

    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
