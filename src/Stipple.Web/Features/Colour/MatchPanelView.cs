namespace Stipple.Web.Features.Colour;

/// <summary>What the "match pigment" panel shows.</summary>
/// <param name="Form">Its fields, as sent.</param>
/// <param name="Result">The ranking, once matched.</param>
/// <param name="GeneralError">A problem that belongs to no field (an empty catalogue).</param>
/// <param name="Action">Where the panel's form goes (the page that hosts it).</param>
public sealed record MatchPanelView(MatchForm Form, MatchResponse? Result, string? GeneralError, string Action);
