namespace Stipple.Core.Care;

/// <summary>
/// A problem with an intake or with a studio's screening settings, naming the field by its camelCase JSON path
/// (e.g. <c>medications[0].stoppedOn</c>, <c>isotretinoinWaitDays</c>) so the web layer can show it beside the input.
/// </summary>
/// <param name="Field">JSON path of the offending field, without the leading <c>$.</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record CareIssue(string Field, string Message);
