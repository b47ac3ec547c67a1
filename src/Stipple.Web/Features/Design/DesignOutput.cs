namespace Stipple.Web.Features.Design;

/// <summary>A rendered design: the bytes of the response and their media type.</summary>
public sealed record DesignOutput(ReadOnlyMemory<byte> Content, string ContentType);
