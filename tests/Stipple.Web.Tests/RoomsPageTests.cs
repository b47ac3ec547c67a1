using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Stipple.Domain;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.StudioCalendarSettingsPages;

namespace Stipple.Web.Tests;

/// <summary>Rooms: added, renamed, taken out of use and back; a duplicate name is an error beside the name, never a 500.</summary>
public sealed class RoomsPageTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    [Fact]
    public async Task Owner_adds_renames_and_takes_a_room_out_of_use_and_back()
    {
        var studio = await app.CreateStudioAsync("Rooms Life");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var added = await owner.PostFormAsync("/Settings/Rooms", "/Settings/Rooms?handler=Add", new() { ["name"] = "  Room B — Garden  " });

        added.StatusCode.ShouldBe(HttpStatusCode.Redirect, await added.Content.ReadAsStringAsync());
        var room = await RoomAsync(studio.Id, "Room B — Garden");
        room.IsActive.ShouldBeTrue();

        (await owner.PostFormAsync("/Settings/Rooms", $"/Settings/Rooms?handler=Rename&id={room.Id}", new() { ["name"] = "Room C" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RoomAsync(studio.Id, "Room C")).Id.ShouldBe(room.Id);

        (await owner.PostFormAsync("/Settings/Rooms", $"/Settings/Rooms?handler=Active&id={room.Id}&active=false", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RoomAsync(studio.Id, "Room C")).IsActive.ShouldBeFalse();
        var page = WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Settings/Rooms"));
        page.ShouldContain("Out of use");
        page.ShouldContain("Put back in use");

        (await owner.PostFormAsync("/Settings/Rooms", $"/Settings/Rooms?handler=Active&id={room.Id}&active=banana", new())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await RoomAsync(studio.Id, "Room C")).IsActive.ShouldBeFalse();
        (await owner.PostFormAsync("/Settings/Rooms", $"/Settings/Rooms?handler=Active&id={room.Id}&active=true", new())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await RoomAsync(studio.Id, "Room C")).IsActive.ShouldBeTrue();
    }

    [Theory]
    [InlineData("Room A")]
    [InlineData("room a")]
    public async Task A_duplicate_name_is_an_error_beside_the_name_with_what_was_typed(string typed)
    {
        var studio = await app.CreateStudioAsync("Rooms Dup");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var html = await HtmlAsync(await owner.PostFormAsync("/Settings/Rooms", "/Settings/Rooms?handler=Add", new() { ["name"] = typed }));

        ErrorBeside(html, "NewName").ShouldContain("Another room is already called");
        html.ShouldContain($"id=\"new-room\" name=\"name\" value=\"{typed}\"");
        (await app.InStudioAsync(studio.Id, db => db.Rooms.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Renaming_to_another_rooms_name_or_to_nothing_is_an_error_in_that_rooms_row()
    {
        var studio = await app.CreateStudioAsync("Rooms Rename");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        (await owner.PostFormAsync("/Settings/Rooms", "/Settings/Rooms?handler=Add", new() { ["name"] = "Room B" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var roomB = await RoomAsync(studio.Id, "Room B");

        var html = await HtmlAsync(await owner.PostFormAsync("/Settings/Rooms", $"/Settings/Rooms?handler=Rename&id={roomB.Id}", new() { ["name"] = "Room A" }));

        ErrorBeside(html, $"Rename.{roomB.Id:N}").ShouldContain("Another room is already called");
        html.ShouldContain($"id=\"room-{roomB.Id}\" name=\"name\" value=\"Room A\"");
        (await RoomAsync(studio.Id, "Room B")).Id.ShouldBe(roomB.Id);

        var empty = await HtmlAsync(await owner.PostFormAsync("/Settings/Rooms", $"/Settings/Rooms?handler=Rename&id={roomB.Id}", new() { ["name"] = " " }));
        ErrorBeside(empty, $"Rename.{roomB.Id:N}").ShouldContain("Name is required");
        var tooLong = await HtmlAsync(await owner.PostFormAsync("/Settings/Rooms", $"/Settings/Rooms?handler=Rename&id={roomB.Id}", new() { ["name"] = new string('x', 61) }));
        ErrorBeside(tooLong, $"Rename.{roomB.Id:N}").ShouldContain("at most 60 characters");
    }

    [Fact]
    public async Task Another_studios_room_is_not_found()
    {
        var mine = await app.CreateStudioAsync("Rooms Mine");
        var theirs = await app.CreateStudioAsync("Rooms Theirs");
        var theirRoom = await app.InStudioAsync(theirs.Id, db => db.Rooms.AsNoTracking().SingleAsync());
        var owner = await BrowserSession.SignedInAsync(app, mine.Owner.Email);

        (await owner.PostFormAsync("/Settings/Rooms", $"/Settings/Rooms?handler=Rename&id={theirRoom.Id}", new() { ["name"] = "Mine now" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.PostFormAsync("/Settings/Rooms", $"/Settings/Rooms?handler=Active&id={theirRoom.Id}&active=false", new())).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var after = await app.InStudioAsync(theirs.Id, db => db.Rooms.AsNoTracking().SingleAsync());
        after.Name.ShouldBe("Room A");
        after.IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task The_api_lists_adds_renames_and_deactivates_rooms_with_field_errors()
    {
        var studio = await app.CreateStudioAsync("Rooms Api");
        var other = await app.CreateStudioAsync("Rooms Api Other");
        var otherRoom = await app.InStudioAsync(other.Id, db => db.Rooms.AsNoTracking().SingleAsync());
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));

        var created = await client.PostAsJsonAsync("/api/v1/rooms", new { name = "Room 2" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var duplicate = await CareTestData.ProblemAsync(await client.PostAsJsonAsync("/api/v1/rooms", new { name = "ROOM 2" }));
        duplicate.ShouldContainKey("name");
        (await CareTestData.ProblemAsync(await client.PostAsJsonAsync("/api/v1/rooms", new { name = "" }))).ShouldContainKey("name");

        var renamed = await client.PutAsJsonAsync($"/api/v1/rooms/{id}", new { name = "Room 2 — Quiet", isActive = false });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        var body = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("name").GetString().ShouldBe("Room 2 — Quiet");
        body.GetProperty("isActive").GetBoolean().ShouldBeFalse();

        (await client.PutAsJsonAsync($"/api/v1/rooms/{otherRoom.Id}", new { name = "Taken" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CareTestData.ProblemAsync(await client.PutAsJsonAsync($"/api/v1/rooms/{id}", new { name = "Room A" }))).ShouldContainKey("name");

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/rooms");
        list.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["Room A", "Room 2 — Quiet"]);
    }

    [Fact]
    public async Task The_api_replaces_the_opening_hours_and_names_the_bad_interval()
    {
        var studio = await app.CreateStudioAsync("Hours Api");
        using var client = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));

        var hours = await client.GetFromJsonAsync<JsonElement>("/api/v1/studio/hours");
        hours.GetProperty("timeZone").GetString().ShouldBe("Europe/London");
        hours.GetProperty("intervals").GetArrayLength().ShouldBe(6);

        var bad = await CareTestData.ProblemAsync(await client.PutAsJsonAsync("/api/v1/studio/hours", new
        {
            intervals = new object[]
            {
                new { weekday = 1, opens = "09:00", closes = "13:00" },
                new { weekday = 1, opens = "12:30", closes = "17:00" },
                new { weekday = 8, opens = "09:00", closes = "17:00" },
            },
        }));
        bad.ShouldContainKey("intervals[1].opens");
        bad.ShouldContainKey("intervals[2].weekday");

        var put = await client.PutAsJsonAsync("/api/v1/studio/hours", new
        {
            intervals = new object[]
            {
                new { weekday = 2, opens = "14:00", closes = "18:00" },
                new { weekday = 2, opens = "09:00", closes = "13:00" },
            },
        });
        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var saved = (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("intervals");
        saved.EnumerateArray().Select(i => $"{i.GetProperty("weekday").GetInt32()} {i.GetProperty("opens").GetString()}").ShouldBe(["2 09:00", "2 14:00"]);
    }

    [Fact]
    public async Task Staff_cookies_cannot_change_rooms_through_the_api_or_the_page()
    {
        var studio = await app.CreateStudioAsync("Rooms Roles");
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var token = await desk.TokenAsync("/Accounts/Security");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/rooms") { Content = JsonContent.Create(new { name = "Desk room" }) };
        request.Headers.Add("RequestVerificationToken", token);

        (await desk.Client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "Desk room", ["__RequestVerificationToken"] = token });
        ShouldBeDenied(await desk.Client.PostAsync("/Settings/Rooms?handler=Add", form), "POST /Settings/Rooms");
        (await app.InStudioAsync(studio.Id, db => db.Rooms.CountAsync())).ShouldBe(1);
    }

    private Task<Room> RoomAsync(Guid studioId, string name) =>
        app.InStudioAsync(studioId, db => db.Rooms.AsNoTracking().SingleAsync(r => r.Name == name));
}
