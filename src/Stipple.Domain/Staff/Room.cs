namespace Stipple.Domain;

/// <summary>A treatment room; bookings hold a room as well as a practitioner.</summary>
public sealed class Room
{
    private Room()
    {
    }

    public Guid StudioId { get; private set; }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Whether new appointments may use the room; a room taken out of use keeps its past appointments.</summary>
    public bool IsActive { get; private set; } = true;

    public static Room Create(Guid studioId, Guid id, string name) =>
        new() { StudioId = studioId, Id = id, Name = Guard.Required(name, "name", 60) };

    public void Rename(string name) => Name = Guard.Required(name, "name", 60);

    public void SetActive(bool active) => IsActive = active;
}
