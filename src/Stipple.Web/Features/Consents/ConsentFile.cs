namespace Stipple.Web.Features.Consents;

/// <summary>A signed consent's PDF and the name to download it as.</summary>
public sealed record ConsentFile(byte[] Content, string FileName)
{
    public const string ContentType = "application/pdf";
}
