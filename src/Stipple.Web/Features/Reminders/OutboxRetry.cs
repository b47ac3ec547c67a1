using NodaTime;

namespace Stipple.Web.Features.Reminders;

/// <summary>When a message that failed to send is tried again: 1, 5, 15 and 60 minutes, then 3, 6 and 12 hours; the 8th failure gives up.</summary>
public static class OutboxRetry
{
    /// <summary>After this many failed attempts the message is cancelled with its last error.</summary>
    public const int MaxAttempts = 8;

    private static readonly int[] DelayMinutes = [1, 5, 15, 60, 180, 360, 720];

    /// <summary>The wait after the <paramref name="attempts"/>-th failure (1-based).</summary>
    public static Duration DelayAfter(int attempts) =>
        Duration.FromMinutes(DelayMinutes[Math.Clamp(attempts, 1, DelayMinutes.Length) - 1]);

    public static bool GivesUp(int attempts) => attempts >= MaxAttempts;
}
