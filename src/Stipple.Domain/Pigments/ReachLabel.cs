namespace Stipple.Domain;

/// <summary>What a lot's EU REACH label (Regulation (EU) 2020/2081, smp-facts §10.3) says.</summary>
/// <param name="Labelled">It says "Mixture for use in tattoos or permanent make-up".</param>
/// <param name="Ingredients">The ingredient list as printed, in descending order; null when not recorded.</param>
/// <param name="PhRegulator">It says "pH regulator".</param>
/// <param name="ContainsNickel">It says "Contains nickel".</param>
/// <param name="ContainsChromiumVi">It says "Contains chromium (VI)".</param>
public sealed record ReachLabel(bool Labelled, string? Ingredients, bool PhRegulator, bool ContainsNickel, bool ContainsChromiumVi)
{
    public static ReachLabel None { get; } = new(false, null, false, false, false);
}
