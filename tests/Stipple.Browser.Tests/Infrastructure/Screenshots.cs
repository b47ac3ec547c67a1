namespace Stipple.Browser.Tests.Infrastructure;

/// <summary>Where browser tests save the screenshots people look at: the temp folder's stipple-browser-tests, time-stamped.</summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "stipple-browser-tests");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmmss}.png");
    }
}
