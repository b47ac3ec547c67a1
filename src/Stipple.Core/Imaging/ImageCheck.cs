using System.Diagnostics.CodeAnalysis;

namespace Stipple.Core.Imaging;

/// <summary>
/// The outcome of <see cref="ImageInspector.Inspect"/>: the photo's <see cref="Info"/>, or the <see cref="Error"/> that
/// refuses it. Errors are plain English written to follow a field name: <c>$"photo {check.Error}"</c> reads
/// "photo is not a JPEG, PNG or WebP image".
/// </summary>
public sealed record ImageCheck
{
    private ImageCheck(ImageInfo? info, string? error)
    {
        Info = info;
        Error = error;
    }

    /// <summary>What the headers say, or null when the file is refused.</summary>
    public ImageInfo? Info { get; }

    /// <summary>Why the file is refused, or null when it is accepted.</summary>
    public string? Error { get; }

    /// <summary>True when the file is accepted and <see cref="Info"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Info))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Info is not null;

    internal static ImageCheck Valid(ImageInfo info) => new(info, null);

    internal static ImageCheck Invalid(string error) => new(null, error);
}
