namespace Stipple.Core.Scheduling;

/// <summary>What the kinds of appointment have in common.</summary>
public static class ServiceKinds
{
    /// <summary>
    /// Whether the client is needled at this appointment (a session or a touch-up): the screening gate applies, the
    /// sessions' spacing counts from it, and the client must prepare the scalp (smp-facts §6.4).
    /// </summary>
    public static bool IsTreatment(ServiceKind kind) => kind is ServiceKind.FirstSession or ServiceKind.FollowUpSession or ServiceKind.TouchUp;
}
