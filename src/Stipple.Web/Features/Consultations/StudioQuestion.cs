namespace Stipple.Web.Features.Consultations;

/// <summary>One of the studio's own yes/no intake questions.</summary>
public sealed record StudioQuestion(string Key, string Question, bool ReviewWhenYes);
