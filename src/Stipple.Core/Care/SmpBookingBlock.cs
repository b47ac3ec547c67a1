using NodaTime;

namespace Stipple.Core.Care;

/// <summary>
/// Why an SMP session on a day may not take place (<see cref="ScreeningResult.BlocksSmpSession"/>).
/// </summary>
/// <param name="Outcome">The most severe blocking outcome: hard stop, deferral or missing medical clearance.</param>
/// <param name="Until">
/// The first day a session could take place when every block is a dated deferral (the latest of their dates); null
/// when any block has no date (a hard stop, a deferral until resolved, a missing clearance).
/// </param>
/// <param name="Reason">The blocking findings' reasons in plain words, most severe first.</param>
/// <param name="Findings">The findings that block, most severe first.</param>
public sealed record SmpBookingBlock(ScreeningOutcome Outcome, LocalDate? Until, string Reason, IReadOnlyList<ScreeningFinding> Findings);
