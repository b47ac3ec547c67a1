namespace Stipple.Domain;

/// <summary>What the signer gives: the typed name, the drawn signature as PNG bytes, and where it came from.</summary>
public sealed record ConsentSignature(string? TypedName, byte[] Png, string? IpAddress, string? UserAgent);
