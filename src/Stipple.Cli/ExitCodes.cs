namespace Stipple.Cli;

/// <summary>What the <c>stipple</c> command returns, so scripts can tell a bad input from a failure.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed that the input does not explain (a database or disk error).</summary>
    public const int Failed = 1;

    /// <summary>The command line, or a file it names, is wrong: a bad option, a missing file, an invalid design.</summary>
    public const int BadInput = 2;
}
