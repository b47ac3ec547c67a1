namespace Stipple.Core.Design;

/// <summary>A problem with a design, naming the field by its JSON path (e.g. <c>zones[1].polygon[3]</c>).</summary>
/// <param name="Field">JSON path of the offending field, without the leading <c>$.</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record DesignIssue(string Field, string Message);
