using System.Text.Json;
using NodaTime;

namespace Stipple.Domain;

/// <summary>
/// The studio's appearance-model parameters as last fitted from its colour records (one row per studio), with the
/// held-out error (mean ΔE00) of the documented defaults and of the fit on the same records.
/// </summary>
public sealed class ColourModelFit
{
    private ColourModelFit()
    {
    }

    public Guid StudioId { get; private set; }

    /// <summary>The fitted parameters as a JSON object (stored as jsonb); the calibration code owns its shape.</summary>
    public string ParametersJson { get; private set; } = "{}";

    /// <summary>How many colour records the fit used.</summary>
    public int RecordCount { get; private set; }

    /// <summary>Held-out mean ΔE00 of the default parameters; null when too few records to hold any out.</summary>
    public double? HeldOutErrorDefault { get; private set; }

    /// <summary>Held-out mean ΔE00 of the fitted parameters; null when too few records to hold any out.</summary>
    public double? HeldOutErrorFitted { get; private set; }

    public Instant FittedAt { get; private set; }

    public static ColourModelFit Create(Guid studioId, string parametersJson, int recordCount, double? heldOutErrorDefault, double? heldOutErrorFitted, Instant fittedAt)
    {
        var fit = new ColourModelFit { StudioId = studioId };
        fit.Refit(parametersJson, recordCount, heldOutErrorDefault, heldOutErrorFitted, fittedAt);
        return fit;
    }

    public void Refit(string parametersJson, int recordCount, double? heldOutErrorDefault, double? heldOutErrorFitted, Instant fittedAt)
    {
        ParametersJson = ValidObject(parametersJson);
        RecordCount = recordCount >= 0 ? recordCount : throw new DomainException("recordCount", "must not be negative.");
        HeldOutErrorDefault = ValidError(heldOutErrorDefault, "heldOutErrorDefault");
        HeldOutErrorFitted = ValidError(heldOutErrorFitted, "heldOutErrorFitted");
        FittedAt = fittedAt;
    }

    private static string ValidObject(string? json)
    {
        try
        {
            using var document = JsonDocument.Parse(json ?? "");
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? json!
                : throw new DomainException("parameters", "must be a JSON object.");
        }
        catch (JsonException)
        {
            throw new DomainException("parameters", "must be a JSON object.");
        }
    }

    private static double? ValidError(double? value, string field) =>
        value is { } error && (!double.IsFinite(error) || error < 0)
            ? throw new DomainException(field, "must be a finite ΔE00 of 0 or more.")
            : value;
}
