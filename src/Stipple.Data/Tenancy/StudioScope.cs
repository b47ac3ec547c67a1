namespace Stipple.Data.Tenancy;

/// <summary>
/// The studio the current request (or job) works for. Scoped per request; every connection the request's DbContext
/// opens is told this studio, and row-level security shows nothing of any other. Unset means no studio: no rows.
/// </summary>
public sealed class StudioScope
{
    public Guid? StudioId { get; private set; }

    public Guid Required => StudioId ?? throw new InvalidOperationException("No studio is set for this request.");

    public void Set(Guid studioId)
    {
        if (StudioId is { } current && current != studioId)
        {
            throw new InvalidOperationException("The studio of a request cannot change once set.");
        }

        StudioId = studioId;
    }
}
