namespace Stipple.Web.Features.Settings;

/// <summary>How a booking rule is typed on the form.</summary>
public enum BookingRuleKind
{
    /// <summary>A service length: minutes ("90") or hours and minutes ("1:30").</summary>
    Length,

    /// <summary>A whole number (days, hours or minutes, as the label says).</summary>
    Number,

    /// <summary>A list of whole numbers separated by commas (reminder times).</summary>
    NumberList,
}
