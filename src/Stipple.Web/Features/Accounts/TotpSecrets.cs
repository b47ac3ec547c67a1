using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Stipple.Web.Features.Accounts;

/// <summary>TOTP secrets are stored protected by the app's data-protection keys, never in clear.</summary>
public sealed class TotpSecrets(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Stipple.Totp.v1");

    public static byte[] NewSecret() => RandomNumberGenerator.GetBytes(20);

    public string Protect(byte[] secret) => Convert.ToBase64String(protector.Protect(secret));

    public byte[] Unprotect(string protectedSecret) => protector.Unprotect(Convert.FromBase64String(protectedSecret));
}
