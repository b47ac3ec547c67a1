namespace Stipple.Web.Features.Settings;

/// <summary>
/// One input of the booking rules form: its form name, label, the words that name it in an error, its kind (how it is
/// typed) and the default with its source, shown as a hint.
/// </summary>
public sealed record BookingRuleField(string Name, string Label, string ErrorName, BookingRuleKind Kind, string Hint);
