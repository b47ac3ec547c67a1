namespace Stipple.Core.Scheduling;

/// <summary>A problem with scheduling settings or a requested schedule, naming the field (camelCase JSON path).</summary>
/// <param name="Field">e.g. <c>sessionGaps[0].maxDays</c> or <c>sessions[1].start</c>.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record SchedulingIssue(string Field, string Message);
