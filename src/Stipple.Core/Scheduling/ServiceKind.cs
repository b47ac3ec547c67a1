namespace Stipple.Core.Scheduling;

/// <summary>What an appointment is for; each kind has a studio-set length (<see cref="SchedulingSettings"/>).</summary>
public enum ServiceKind
{
    /// <summary>First meeting: intake, screening, design (default 30 min).</summary>
    Consultation,

    /// <summary>Session 1 of a plan, the foundation and the longest (default 4 h; smp-facts §6.3, §13.4).</summary>
    FirstSession,

    /// <summary>Sessions 2 and later (default 3 h).</summary>
    FollowUpSession,

    /// <summary>A touch-up years later (default 1.5 h).</summary>
    TouchUp,

    /// <summary>The healed review after the last session (default 30 min, no earlier than 21 days after it).</summary>
    HealedReview,
}
