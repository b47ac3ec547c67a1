namespace Stipple.Web.Features.Consultations;

/// <summary>What the intake fields partial needs: the form, the studio's own questions and the studio's name.</summary>
public sealed record IntakeFieldsView(IntakeFormInput Input, IReadOnlyList<StudioQuestion> Questions, string StudioName);
