using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Stipple.Core.Scheduling;
using Stipple.Domain;
using Stipple.Web.Features.CalendarFeeds;
using Stipple.Web.Tests.Infrastructure;
using static Stipple.Web.Tests.ReminderTestData;

namespace Stipple.Web.Tests;

/// <summary>
/// iCalendar feeds behind secret links, read back by a real parser (Debian's python3-icalendar): the practitioner's
/// appointments with client names, a client's own appointments and nobody else's.
/// </summary>
public sealed partial class CalendarFeedTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>
{
    private const string Python = "/usr/bin/python3";

    // Long, non-ASCII (2-, 3- and 4-octet UTF-8), with commas, semicolons and a backslash: folding and escaping both matter.
    private static readonly string PlanNote = string.Concat(Enumerable.Repeat("Zoë’s crown: ½ density, then 日本語; soft hairline \\ 8 cm 😀 ", 6)).Trim();

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Practitioner_and_client_feeds_parse_and_show_the_right_appointments()
    {
        var studio = await app.CreateStudioAsync("Feeds");
        var (ada, ben) = (studio.Clients[0], studio.Clients[1]);
        await app.InStudioAsync(studio.Id, async db =>
        {
            (await db.Studios.SingleAsync()).Update("Atelier Ñandú; Scalp, Skin & Co", StudioAddress.Create("Rue de l’Église 5, 2e étage", null, "Zürich", null, "8001", "Switzerland"), "Europe/London", "GBP", "en-GB");
            (await db.Clients.SingleAsync(c => c.Id == ada.Id)).Update(new ClientDetails("Zoë", "Ångström-Łukasiewicz, Jr.", ada.Email, null, StippleAppFactory.AdultBirthday), Now);
            return await db.SaveChangesAsync();
        });
        var plan = await PlanAsync(app, studio, ada.Id, 3, PlanNote);
        var settings = SchedulingSettings.Default;
        var s1 = await BookAsync(app, studio, ada.Id, LondonTen(3), settings, Now, ServiceKind.FirstSession, plan, 1);
        var s2 = await BookAsync(app, studio, ada.Id, LondonTen(17), settings, Now, ServiceKind.FollowUpSession, plan, 2);
        var cancelled = await BookAsync(app, studio, ada.Id, LondonTen(5), settings, Now);
        var longAgo = await BookAsync(app, studio, ada.Id, LondonTen(-31), settings, Now - Duration.FromDays(40));
        var cancelledLongAgo = await BookAsync(app, studio, ada.Id, LondonTen(-20), settings, Now - Duration.FromDays(45));
        var farAhead = await BookAsync(app, studio, ada.Id, LondonTen(402), settings, Now);
        var bens = await BookAsync(app, studio, ben.Id, LondonTen(4), settings, Now);
        await app.InStudioAsync(studio.Id, async db =>
        {
            var c = await db.Appointments.SingleAsync(a => a.Id == cancelled.Id);
            c.Cancel(Now, lateNotice: false);
            db.AppointmentEvents.Add(AppointmentEvent.Record(c, AppointmentEventKind.Cancelled, studio.FrontDesk.Id, Now));
            (await db.Appointments.SingleAsync(a => a.Id == cancelledLongAgo.Id)).Cancel(Now - Duration.FromDays(40), lateNotice: false);
            return await db.SaveChangesAsync();
        });

        var practitionerToken = await CreateAsync(studio.Id, CalendarFeedTarget.Staff(studio.Practitioner.Id));
        var adaToken = await CreateAsync(studio.Id, CalendarFeedTarget.Client(ada.Id));
        var benToken = await CreateAsync(studio.Id, CalendarFeedTarget.Client(ben.Id));

        var (practitionerText, practitioner) = await FetchAndParseAsync(practitionerToken);
        practitioner.Name.ShouldBe($"Atelier Ñandú; Scalp, Skin & Co – practitioner Feeds");
        practitioner.Events.Select(e => e.Uid).ShouldBe([Uid(s1), Uid(bens), Uid(cancelled), Uid(s2)], ignoreOrder: true);
        var first = Event(practitioner, s1);
        first.Start.ShouldBe(Utc(s1.StartsAt));
        first.End.ShouldBe(Utc(s1.EndsAt));
        first.Summary.ShouldBe("SMP session 1 of 3 – Zoë Ångström-Łukasiewicz, Jr.");
        first.Status.ShouldBe("CONFIRMED");
        first.Sequence.ShouldBe(0);
        first.Location.ShouldBe("Room A, Atelier Ñandú; Scalp, Skin & Co");
        first.Description.ShouldBe(
            $"Client: Zoë Ångström-Łukasiewicz, Jr.\nSMP session 1 of 3 in Room A\nPlan note: {PlanNote}\nClient record: http://localhost/Clients/{ada.Id:D}");
        Event(practitioner, s2).Summary.ShouldStartWith("SMP session 2 of 3 – ");
        var gone = Event(practitioner, cancelled);
        gone.Status.ShouldBe("CANCELLED");
        gone.Sequence.ShouldBe(1);
        gone.Summary.ShouldStartWith("Cancelled: Consultation – ");
        Event(practitioner, bens).Summary.ShouldBe($"Consultation – Ben Client{studio.Tag}");
        AssertWellFormed(practitionerText);
        practitionerText.ShouldNotContain(Uid(longAgo));
        practitionerText.ShouldNotContain(Uid(cancelledLongAgo));
        practitionerText.ShouldNotContain(Uid(farAhead));

        var (adaText, adaFeed) = await FetchAndParseAsync(adaToken);
        adaFeed.Name.ShouldBe("Atelier Ñandú; Scalp, Skin & Co – your appointments");
        adaFeed.Events.Select(e => e.Uid).ShouldBe([Uid(s1), Uid(cancelled), Uid(s2)], ignoreOrder: true);
        var mine = Event(adaFeed, s1);
        mine.Start.ShouldBe(Utc(s1.StartsAt));
        mine.Summary.ShouldBe("SMP session 1 of 3 at Atelier Ñandú; Scalp, Skin & Co");
        mine.Location.ShouldBe("Atelier Ñandú; Scalp, Skin & Co, Rue de l’Église 5, 2e étage, Zürich, 8001, Switzerland");
        mine.Description.ShouldStartWith($"With practitioner Feeds at Atelier Ñandú; Scalp, Skin & Co.\n\nBefore your session:\n- Shave or cut your hair 48 hours before");
        mine.Description.ShouldEndWith("please tell us at least 48 hours before.");
        adaText.ShouldNotContain("Ben");
        adaText.ShouldNotContain(Uid(bens));
        adaText.ShouldNotContain("Plan note"); // the studio's notes stay in the practitioner's feed
        AssertWellFormed(adaText);

        var (benText, benFeed) = await FetchAndParseAsync(benToken);
        benFeed.Events.ShouldHaveSingleItem().Uid.ShouldBe(Uid(bens));
        benText.ShouldNotContain("Zoë");
    }

    [Fact]
    public async Task Unknown_replaced_and_turned_off_links_are_not_found()
    {
        var studio = await app.CreateStudioAsync("Feed Links");
        var anonymous = app.CreateClient();
        (await anonymous.GetAsync("/calendar/" + Stipple.Web.Infrastructure.LinkTokens.New() + ".ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/calendar/x.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var target = CalendarFeedTarget.Client(studio.Clients[0].Id);
        var old = await CreateAsync(studio.Id, target);
        var response = await anonymous.GetAsync(CalendarFeedService.PathFor(old));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/calendar; charset=utf-8");
        (await response.Content.ReadAsStringAsync()).ShouldStartWith("BEGIN:VCALENDAR\r\n");

        var fresh = await CreateAsync(studio.Id, target);
        (await anonymous.GetAsync(CalendarFeedService.PathFor(old))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(CalendarFeedService.PathFor(fresh))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await app.InStudioServicesAsync(studio.Id, s => s.GetRequiredService<CalendarFeedService>().TurnOffAsync(target, CancellationToken.None))).ShouldBeTrue();
        (await anonymous.GetAsync(CalendarFeedService.PathFor(fresh))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Staff_make_and_turn_off_links_on_their_pages()
    {
        var studio = await app.CreateStudioAsync("Feed Pages");
        var anonymous = app.CreateClient();
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        (await practitioner.Client.GetStringAsync("/Accounts/Security")).ShouldContain("data-testid=\"calendar-feed\"");
        var own = await PostAsync(practitioner, "/Accounts/Security", "New", ("StaffId", studio.Practitioner.Id));
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        var url = FeedUrl(await own.Content.ReadAsStringAsync());
        (await anonymous.GetAsync(new Uri(url).AbsolutePath)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await practitioner.Client.GetStringAsync("/Accounts/Security")).ShouldContain("<span class=\"badge badge-ok\">On</span>");

        // Someone else's practitioner feed: the owner may, the front desk may not.
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);
        var refused = await PostAsync(desk, "/Clients", "New", ("StaffId", studio.Practitioner.Id));
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/Accounts/Denied");
        (await anonymous.GetAsync(new Uri(url).AbsolutePath)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        (await owner.Client.GetStringAsync("/Staff")).ShouldContain($"/CalendarFeeds/Link?staffId={studio.Practitioner.Id:D}");
        (await owner.Client.GetAsync($"/CalendarFeeds/Link?staffId={studio.Practitioner.Id:D}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var replaced = await PostAsync(owner, $"/CalendarFeeds/Link?staffId={studio.Practitioner.Id:D}", "New", ("StaffId", studio.Practitioner.Id));
        replaced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync(new Uri(url).AbsolutePath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var ownersUrl = FeedUrl(await replaced.Content.ReadAsStringAsync());

        // A client's feed, from the client's page, by the front desk; then turned off.
        var client = studio.Clients[0];
        (await desk.Client.GetStringAsync($"/Clients/{client.Id}")).ShouldContain("data-testid=\"calendar-feed\"");
        var made = await PostAsync(desk, $"/Clients/{client.Id}", "New", ("ClientId", client.Id));
        var clientUrl = FeedUrl(await made.Content.ReadAsStringAsync());
        (await anonymous.GetAsync(new Uri(clientUrl).AbsolutePath)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var off = await PostAsync(desk, $"/Clients/{client.Id}", "Off", ("ClientId", client.Id));
        off.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await off.Content.ReadAsStringAsync()).ShouldContain("The feed is off");
        (await anonymous.GetAsync(new Uri(clientUrl).AbsolutePath)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(new Uri(ownersUrl).AbsolutePath)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string Uid(Appointment appointment) => $"{appointment.Id:D}@stipple";

    private static ParsedEvent Event(ParsedCalendar calendar, Appointment appointment) =>
        calendar.Events.Single(e => string.Equals(e.Uid, Uid(appointment), StringComparison.Ordinal));

    private static string Utc(Instant instant) => instant.ToDateTimeUtc().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string FeedUrl(string html)
    {
        var match = FeedUrlPattern().Match(html);
        match.Success.ShouldBeTrue("the page shows the new link");
        return WebUtility.HtmlDecode(match.Groups["url"].Value);
    }

    private static Task<HttpResponseMessage> PostAsync(BrowserSession session, string formPage, string handler, (string Name, Guid Value) target) =>
        session.PostFormAsync(formPage, $"/CalendarFeeds/Link?handler={handler}", new() { [target.Name] = target.Value.ToString("D"), ["ReturnUrl"] = formPage });

    private Task<string> CreateAsync(Guid studioId, CalendarFeedTarget target) =>
        app.InStudioServicesAsync(studioId, async s => (await s.GetRequiredService<CalendarFeedService>().CreateAsync(target, null, CancellationToken.None))!);

    /// <summary>Every line ends in CRLF and is at most 75 octets long.</summary>
    private static void AssertWellFormed(string text)
    {
        text.ShouldEndWith("\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        foreach (var line in text[..^2].Split("\r\n"))
        {
            Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75, line);
        }

        text[..^2].Split("\r\n").Count(l => l.StartsWith(' ')).ShouldBeGreaterThan(0, "long lines were folded");
    }

    private async Task<(string Text, ParsedCalendar Calendar)> FetchAndParseAsync(string token)
    {
        var response = await app.CreateClient().GetAsync(CalendarFeedService.PathFor(token));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/calendar; charset=utf-8");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var path = Path.Combine(Path.GetTempPath(), $"stipple-feed-{Guid.NewGuid():N}.ics");
        await File.WriteAllBytesAsync(path, bytes);
        try
        {
            return (Encoding.UTF8.GetString(bytes), await ParseAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Reads the file with python3-icalendar and returns what it understood.</summary>
    private static async Task<ParsedCalendar> ParseAsync(string path)
    {
        const string Script = """
            import datetime, json, sys
            import icalendar
            cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            def utc(p):
                return p.dt.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
            events = [{
                'uid': str(e['UID']), 'start': utc(e['DTSTART']), 'end': utc(e['DTEND']), 'summary': str(e['SUMMARY']),
                'status': str(e['STATUS']), 'sequence': int(e['SEQUENCE']), 'location': str(e.get('LOCATION', '')),
                'description': str(e.get('DESCRIPTION', '')),
            } for e in cal.walk('VEVENT')]
            print(json.dumps({'name': str(cal['X-WR-CALNAME']), 'events': events}))
            """;
        File.Exists(Python).ShouldBeTrue($"{Python} is needed (Debian's python3 with python3-icalendar; ./stipple test installs them)");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process.ExitCode.ShouldBe(0, $"python3-icalendar read the feed: {await stderr}");
        return JsonSerializer.Deserialize<ParsedCalendar>(await stdout, Json)!;
    }

    [GeneratedRegex("value=\"(?<url>[^\"]+)\" readonly data-testid=\"calendar-feed-url\"", RegexOptions.ExplicitCapture)]
    private static partial Regex FeedUrlPattern();

    private sealed record ParsedCalendar(string Name, List<ParsedEvent> Events);

    private sealed record ParsedEvent(string Uid, string Start, string End, string Summary, string Status, int Sequence, string Location, string Description);
}
