using System.Globalization;
using Stipple.Core.Colour;

namespace Stipple.Core.Design;

/// <summary>
/// Checks a <see cref="DesignDocument"/> against the rules of the format and of smp-facts §13.2, naming each
/// offending field by its JSON path. Errors stop the design; warnings are advice (an aggressive hairline).
/// </summary>
public static class DesignValidator
{
    /// <summary>Most zones in one design.</summary>
    public const int MaxZones = 32;

    /// <summary>Most vertices in one zone polygon.</summary>
    public const int MaxPolygonVertices = 256;

    /// <summary>Most control points on the hairline.</summary>
    public const int MaxHairlinePoints = 32;

    /// <summary>Smallest zone area accepted (mm²): 0.1 cm².</summary>
    public const double MinZoneAreaMm2 = 10;

    /// <summary>Male mid-frontal point range (mm above the glabella): 70–100, below 70 aggressive (smp-facts §2.1, §13.2).</summary>
    public const double MaleMfpAggressiveMm = 70;

    /// <summary>Highest male mid-frontal point (mm): 10 cm is the conservative limit (smp-facts §2.1).</summary>
    public const double MaleMfpMaxMm = 100;

    /// <summary>Lowest mid-frontal point the engine accepts at all (mm), for either style.</summary>
    public const double MfpFloorMm = 40;

    /// <summary>Female mid-frontal point advice range, 55–65 mm (smp-facts §2.5, §13.2).</summary>
    public const double FemaleMfpLowMm = 55;

    /// <summary>Upper end of the female advice range (mm).</summary>
    public const double FemaleMfpHighMm = 65;

    /// <summary>Checks <paramref name="design"/>; on success the document is returned with closing vertices removed.</summary>
    public static DesignParseResult Check(DesignDocument design)
    {
        ArgumentNullException.ThrowIfNull(design);
        var errors = new List<DesignIssue>();
        var warnings = new List<DesignIssue>();

        if (!string.Equals(design.Schema, DesignDocument.SchemaV1, StringComparison.Ordinal))
        {
            errors.Add(new("schema", $"Must be \"{DesignDocument.SchemaV1}\"."));
        }

        CheckHairline(design.Hairline, errors, warnings);
        var zones = CheckZones(design.Zones, errors);
        CheckTransition(design.Transition, errors);
        CheckSessions(design.Sessions, errors);

        return errors.Count > 0
            ? DesignParseResult.Invalid(errors)
            : DesignParseResult.Valid(design with { Zones = zones }, warnings);
    }

    /// <summary>Throws <see cref="DesignValidationException"/> unless <paramref name="design"/> is valid; returns the normalised document.</summary>
    public static DesignDocument Require(DesignDocument design)
    {
        var result = Check(design);
        return result.Document ?? throw new DesignValidationException(result.Errors);
    }

    private static void CheckHairline(HairlineSpec? hairline, List<DesignIssue> errors, List<DesignIssue> warnings)
    {
        if (hairline is null)
        {
            errors.Add(new("hairline", "A design needs a hairline."));
            return;
        }

        var points = hairline.Points;
        if (points is null || points.Count < 3 || points.Count > MaxHairlinePoints)
        {
            errors.Add(new("hairline.points", $"A hairline needs 3 to {MaxHairlinePoints} points."));
            return;
        }

        var before = errors.Count;
        for (var i = 0; i < points.Count; i++)
        {
            CheckPoint(points[i], Format($"hairline.points[{i}]"), errors);
            if (i > 0 && points[i].IsFinite && points[i - 1].IsFinite && points[i].X <= points[i - 1].X)
            {
                errors.Add(new(Format($"hairline.points[{i}]"), "Points run from one side to the other: each x must be larger than the one before."));
            }
        }

        if (errors.Count > before)
        {
            return;
        }

        var mfp = new HairlineCurve(points).MidlineY();
        if (mfp is not { } height)
        {
            errors.Add(new("hairline.points", "The hairline must cross the midline (x = 0)."));
            return;
        }

        const double max = MaleMfpMaxMm;
        if (height < MfpFloorMm || height > max)
        {
            errors.Add(new("hairline.points", Format($"The mid-frontal point is {height:0.0} mm above the glabella; it must be {MfpFloorMm:0}–{max:0} mm.")));
        }
        else if (hairline.Style == HairlineStyle.Male && height < MaleMfpAggressiveMm)
        {
            warnings.Add(new("hairline.points", Format($"The mid-frontal point is {height:0.0} mm above the glabella: below {MaleMfpAggressiveMm:0} mm is aggressive; 80 mm is the usual default and hairlines cannot be raised later.")));
        }
        else if (hairline.Style == HairlineStyle.Female && (height < FemaleMfpLowMm || height > FemaleMfpHighMm))
        {
            warnings.Add(new("hairline.points", Format($"The mid-frontal point is {height:0.0} mm above the glabella; female hairlines usually sit {FemaleMfpLowMm:0}–{FemaleMfpHighMm:0} mm.")));
        }
    }

    private static List<ZoneSpec> CheckZones(IReadOnlyList<ZoneSpec>? zones, List<DesignIssue> errors)
    {
        var result = new List<ZoneSpec>();
        if (zones is null || zones.Count == 0)
        {
            errors.Add(new("zones", "A design needs at least one zone."));
            return result;
        }

        if (zones.Count > MaxZones)
        {
            errors.Add(new("zones", Format($"A design has at most {MaxZones} zones.")));
            return result;
        }

        if (zones.All(z => z is null || z.Kind == ZoneKind.Exclusion))
        {
            errors.Add(new("zones", "At least one zone must receive dots (every zone is an exclusion)."));
        }

        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            var path = Format($"zones[{i}]");
            if (zone is null)
            {
                errors.Add(new(path, "A zone cannot be null."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(zone.Name) || zone.Name.Length > 60)
            {
                errors.Add(new(path + ".name", "A zone needs a name of 1–60 characters."));
            }

            var polygon = CheckPolygon(zone.Polygon, path + ".polygon", errors);
            result.Add(zone with { Polygon = polygon });

            if (zone.Kind == ZoneKind.Exclusion)
            {
                continue;
            }

            CheckRange(zone.DensityPerCm2, ZoneSpec.MinDensityPerCm2, ZoneSpec.MaxDensityPerCm2, path + ".densityPerCm2", "impressions/cm²", errors);
            CheckRange(zone.DotDiameterMm, ZoneSpec.MinDotDiameterMm, ZoneSpec.MaxDotDiameterMm, path + ".dotDiameterMm", "mm", errors);
            if (!Srgb8.TryParseHex(zone.Shade, out _))
            {
                errors.Add(new(path + ".shade", "Must be a colour written #rrggbb."));
            }
        }

        return result;
    }

    private static MapPoint[] CheckPolygon(IReadOnlyList<MapPoint>? polygon, string path, List<DesignIssue> errors)
    {
        if (polygon is null || polygon.Count < 3)
        {
            errors.Add(new(path, "A zone is a closed polygon of at least 3 points; this one is open."));
            return [];
        }

        var points = polygon.ToList();
        if (points.Count > 3 && points[0] == points[^1])
        {
            points.RemoveAt(points.Count - 1); // a repeated closing vertex (GeoJSON style) is accepted and dropped
        }

        if (points.Count > MaxPolygonVertices)
        {
            errors.Add(new(path, Format($"A zone has at most {MaxPolygonVertices} points.")));
            return [];
        }

        var before = errors.Count;
        for (var i = 0; i < points.Count; i++)
        {
            CheckPoint(points[i], Format($"{path}[{i}]"), errors);
        }

        if (errors.Count > before)
        {
            return [];
        }

        if (Math.Abs(Geometry.SignedArea(points)) < MinZoneAreaMm2)
        {
            errors.Add(new(path, "The polygon encloses no area (its points are on one line, or it is smaller than 0.1 cm²)."));
        }
        else if (Geometry.FindSelfIntersection(points) is { } crossing)
        {
            errors.Add(new(path, Format($"The polygon crosses itself: edge {crossing.First} meets edge {crossing.Second}.")));
        }

        return [.. points];
    }

    private static void CheckTransition(TransitionSpec? transition, List<DesignIssue> errors)
    {
        if (transition is null)
        {
            errors.Add(new("transition", "A design needs a transition band."));
            return;
        }

        CheckRange(transition.DepthMm, 5, 10, "transition.depthMm", "mm", errors);
        CheckRange(transition.StartFraction, 0.3, 0.5, "transition.startFraction", "of the zone's density", errors);
        CheckRange(transition.IrregularityMm, 0, 3, "transition.irregularityMm", "mm", errors);
        CheckRange(transition.SentinelsPer10Mm, 0, 5, "transition.sentinelsPer10Mm", "per 10 mm", errors);
    }

    private static void CheckSessions(SessionPlanSpec? sessions, List<DesignIssue> errors)
    {
        if (sessions is null)
        {
            errors.Add(new("sessions", "A design needs a session plan."));
            return;
        }

        if (sessions.Count is < 1 or > SessionPlanSpec.MaxCount)
        {
            errors.Add(new("sessions.count", Format($"Must be 1–{SessionPlanSpec.MaxCount} sessions.")));
            return;
        }

        var ramp = sessions.Ramp;
        if (ramp is null || ramp.Count != sessions.Count)
        {
            errors.Add(new("sessions.ramp", Format($"Give one cumulative share per session ({sessions.Count}).")));
        }
        else
        {
            for (var i = 0; i < ramp.Count; i++)
            {
                if (!double.IsFinite(ramp[i]) || ramp[i] <= 0 || ramp[i] > 1)
                {
                    errors.Add(new(Format($"sessions.ramp[{i}]"), "Must be a share above 0 and at most 1."));
                }
                else if (i > 0 && ramp[i] <= ramp[i - 1] + 0.05)
                {
                    errors.Add(new(Format($"sessions.ramp[{i}]"), "Each session must add at least 5 % more than the one before."));
                }
            }

            if (Math.Abs(ramp[^1] - 1) > 1e-9)
            {
                errors.Add(new(Format($"sessions.ramp[{ramp.Count - 1}]"), "The last session completes the design: its share must be 1."));
            }
        }

        var strength = sessions.ShadeStrength;
        if (strength is null || strength.Count != sessions.Count)
        {
            errors.Add(new("sessions.shadeStrength", Format($"Give one shade strength per session ({sessions.Count}).")));
            return;
        }

        for (var i = 0; i < strength.Count; i++)
        {
            CheckRange(strength[i], 0.2, 1, Format($"sessions.shadeStrength[{i}]"), "of the zone's shade", errors);
        }
    }

    private static void CheckPoint(MapPoint point, string path, List<DesignIssue> errors)
    {
        if (!point.IsFinite)
        {
            errors.Add(new(path, "Coordinates must be finite numbers."));
        }
        else if (!ScalpMap.Contains(point))
        {
            errors.Add(new(path, Format($"({point.X:0.#}, {point.Y:0.#}) is off the scalp map (x {ScalpMap.MinX:0}…{ScalpMap.MaxX:0} mm, y {ScalpMap.MinY:0}…{ScalpMap.MaxY:0} mm).")));
        }
    }

    private static void CheckRange(double value, double min, double max, string path, string unit, List<DesignIssue> errors)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            errors.Add(new(path, Format($"Must be {min:0.###}–{max:0.###} {unit}.")));
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
