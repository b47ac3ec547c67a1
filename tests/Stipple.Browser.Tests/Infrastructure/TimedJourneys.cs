namespace Stipple.Browser.Tests.Infrastructure;

/// <summary>
/// Journeys that time something in the browser run alone, after the others, so the figure is the app's and not the
/// other journeys' Chromium pages and servers competing for the same cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimedJourneys
{
    public const string Name = "Timed in the browser";
}
