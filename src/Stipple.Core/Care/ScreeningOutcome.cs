namespace Stipple.Core.Care;

/// <summary>What a screening finding means for booking, in increasing order of severity.</summary>
public enum ScreeningOutcome
{
    /// <summary>Checked and fine.</summary>
    Ok = 0,

    /// <summary>Bookable; the practitioner should counsel the client or take note.</summary>
    Warn = 1,

    /// <summary>No SMP session until a written medical clearance is on file.</summary>
    NeedsMedicalClearance = 2,

    /// <summary>No SMP session before a date, or (with no date) until the condition has resolved.</summary>
    DeferUntil = 3,

    /// <summary>No SMP session; no override.</summary>
    HardStop = 4,
}
