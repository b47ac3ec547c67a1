namespace Stipple.Domain;

/// <summary>The consents a studio asks for.</summary>
public enum ConsentKind
{
    /// <summary>Informed consent to SMP treatment.</summary>
    SmpTreatment,

    /// <summary>Use of the client's photos (records, and optionally portfolio).</summary>
    PhotoUse,

    /// <summary>Processing of the client's personal and health data.</summary>
    DataProcessing,
}
