using NodaTime;

namespace Stipple.Core.Care;

/// <summary>
/// One rule's verdict on an intake.
/// </summary>
/// <param name="Rule">The rule's stable id, e.g. <c>isotretinoin</c> (see <see cref="ScreeningRules"/>).</param>
/// <param name="Outcome">The verdict.</param>
/// <param name="Until">
/// For <see cref="ScreeningOutcome.DeferUntil"/>: the first day an SMP session may take place; null means "until the
/// condition has resolved", re-checked at the pre-session check-in. Null for every other outcome.
/// </param>
/// <param name="Reason">The reason in plain words, for staff and client.</param>
/// <param name="Source">Where the rule comes from, e.g. <c>smp-facts §8.3</c>.</param>
public sealed record ScreeningFinding(string Rule, ScreeningOutcome Outcome, LocalDate? Until, string Reason, string Source);
