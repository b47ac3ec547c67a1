using Microsoft.EntityFrameworkCore;
using Npgsql;
using Stipple.Data;
using Stipple.Data.Tenancy;
using Stipple.Domain;
using Stipple.Web.Infrastructure;

namespace Stipple.Web.Features.StudioCalendar;

/// <summary>
/// The studio's rooms: add, rename, take out of use and back. Names are unique in a studio (the database's unique
/// constraint is the backstop; a clash is an error on <c>name</c>, never a 500).
/// </summary>
public sealed class RoomService(StippleDbContext db, StudioScope scope)
{
    public async Task<IReadOnlyList<RoomDto>> ListAsync(CancellationToken cancellationToken) =>
        await db.Rooms.AsNoTracking()
            .OrderByDescending(r => r.IsActive).ThenBy(r => r.Name)
            .Select(r => new RoomDto(r.Id, r.Name, r.IsActive))
            .ToListAsync(cancellationToken);

    public async Task<Result<RoomDto>> AddAsync(RoomInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var room = errors.Check(() => Room.Create(scope.Required, Guid.NewGuid(), input.Name ?? ""));
        if (room is null)
        {
            return Result<RoomDto>.Invalid(errors);
        }

        room.SetActive(input.IsActive ?? true);
        if (await ClashAsync(room.Name, null, cancellationToken) is { } clash)
        {
            return Taken(clash);
        }

        db.Rooms.Add(room);
        return await SaveAsync(room, cancellationToken);
    }

    /// <summary>Renames the room and/or takes it out of use or back; missing when the studio has no such room.</summary>
    public async Task<Result<RoomDto>> UpdateAsync(Guid id, RoomInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (room is null)
        {
            return Result<RoomDto>.Missing();
        }

        if (input.Name is not null)
        {
            var errors = new FieldErrors();
            errors.Check(() =>
            {
                room.Rename(input.Name);
                return true;
            });
            if (errors.Any)
            {
                return Result<RoomDto>.Invalid(errors);
            }

            if (await ClashAsync(room.Name, room.Id, cancellationToken) is { } clash)
            {
                return Taken(clash);
            }
        }

        if (input.IsActive is { } active)
        {
            room.SetActive(active);
        }

        return await SaveAsync(room, cancellationToken);
    }

    private async Task<Result<RoomDto>> SaveAsync(Room room, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request took the name between the check and the save.
            db.ChangeTracker.Clear();
            return Taken(room.Name);
        }

        return Result<RoomDto>.Ok(new RoomDto(room.Id, room.Name, room.IsActive));
    }

    // Case-insensitive, so "room 1" is refused next to "Room 1" (the database only refuses the exact same name). A
    // studio has a handful of rooms, so their names are compared here rather than in SQL.
    // Returns the other room's name as it is spelt, or null when the name is free.
    private async Task<string?> ClashAsync(string name, Guid? except, CancellationToken cancellationToken)
    {
        var others = await db.Rooms.AsNoTracking().Where(r => except == null || r.Id != except).Select(r => r.Name).ToListAsync(cancellationToken);
        return others.Find(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }

    private static Result<RoomDto> Taken(string name) =>
        Result<RoomDto>.Invalid("name", $"Another room is already called \u201c{name}\u201d. Choose a different name.");
}
