using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Stipple.Core.Rendering;
using Stipple.Domain;
using Stipple.Web.Features.Consents;
using Stipple.Web.Tests.Documents;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary>
/// Consent texts (versioned per studio), signing at the chair, the consultation's consent status, the signed PDF and
/// the API, against the real app and database. Each test makes its own studio, because template versions are per
/// studio and a test that edits one must not change what another sees.
/// </summary>
public sealed class ConsentTests(StippleAppFactory app, ApiTests.KestrelAppFactory kestrel) : IClassFixture<StippleAppFactory>, IClassFixture<ApiTests.KestrelAppFactory>
{
    private const string Smp = "smp-treatment";

    [Fact]
    public async Task Default_templates_are_created_once_per_studio_as_version_1_hashed_over_title_and_body()
    {
        var studio = await app.CreateStudioAsync("Defaults");
        using var api = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));

        // Several first reads at once still write one version 1 of each kind.
        var reads = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => api.GetFromJsonAsync<List<TemplateRow>>("/api/v1/consents/templates")));
        var again = (await api.GetFromJsonAsync<List<TemplateRow>>("/api/v1/consents/templates"))!;

        var stored = await app.InStudioAsync(studio.Id, db => db.ConsentTemplates.AsNoTracking().ToListAsync());
        stored.Count.ShouldBe(3);
        stored.Select(t => t.Kind).ShouldBe(ConsentKinds.All, ignoreOrder: true);
        foreach (var template in stored)
        {
            var (title, body) = DefaultConsentTexts.For(template.Kind);
            template.Version.ShouldBe(1);
            template.Title.ShouldBe(title);
            template.Body.ShouldBe(ConsentTemplate.NormaliseBody(body));
            template.ContentHash.ShouldBe(ConsentTemplate.HashOf(template.Title, template.Body));
            template.CreatedBy.ShouldBeNull();
        }

        foreach (var list in reads.Append(again).Select(l => l!))
        {
            list.Select(t => t.Kind).ShouldBe(["smp-treatment", "photo-use", "data-processing"]);
            list.Select(t => (t.Id, t.Version, t.ContentHash)).ShouldBe(stored.Select(t => (t.Id, t.Version, t.ContentHash)), ignoreOrder: true);
        }

        var smp = again.Single(t => string.Equals(t.Kind, Smp, StringComparison.Ordinal));
        smp.Body.ShouldContain("SMP is permanent cosmetic tattooing.");
        smp.Body.ShouldContain("removed with laser or other medical treatment");
        smp.Body.ShouldContain("2 to 4 sessions, at least 7 days apart");
        smp.Body.ShouldContain("before any MRI scan");
        smp.Body.ShouldContain("I am 18 years old or over.");
        again.Single(t => string.Equals(t.Kind, "photo-use", StringComparison.Ordinal)).Body.ShouldContain("withdraw your permission");
        again.Single(t => string.Equals(t.Kind, "data-processing", StringComparison.Ordinal)).Body.ShouldContain("5 years after your last treatment");
    }

    [Fact]
    public async Task Editing_saves_version_2_keeps_version_1_and_unchanged_text_writes_nothing()
    {
        var studio = await app.CreateStudioAsync("Editing");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var first = WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Settings/Consents"));
        first.ShouldContain("<a href=\"/Settings/Consents\" aria-current=\"page\">Consent forms</a>");
        first.ShouldContain("Save as version 2");
        var v1 = await TemplateAsync(studio, ConsentKind.SmpTreatment, 1);

        var saved = await SaveTemplateAsync(owner, Smp, "Consent to SMP", "Edited text.\n\n- First point\n- Second point  ", basedOn: 1);

        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var v2 = await TemplateAsync(studio, ConsentKind.SmpTreatment, 2);
        v2.Title.ShouldBe("Consent to SMP");
        v2.Body.ShouldBe("Edited text.\n\n- First point\n- Second point");
        v2.ContentHash.ShouldBe(ConsentTemplate.HashOf("Consent to SMP", v2.Body));
        v2.CreatedBy.ShouldBe(studio.Owner.Id);
        (await TemplateAsync(studio, ConsentKind.SmpTreatment, 1)).Body.ShouldBe(v1.Body);
        var page = WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Settings/Consents"));
        page.ShouldContain("SMP treatment: version 2 saved.");
        page.ShouldContain("Earlier versions (1)");
        page.ShouldContain(v1.ContentHash[..12]);
        page.ShouldContain("SMP is permanent cosmetic tattooing."); // version 1 stays readable
        page.ShouldContain("Save as version 3");

        var unchanged = await SaveTemplateAsync(owner, Smp, " Consent to SMP ", "Edited text.\r\n\r\n- First point\r\n- Second point", basedOn: 2);

        unchanged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountTemplatesAsync(studio, ConsentKind.SmpTreatment)).ShouldBe(2);
        WebUtility.HtmlDecode(await owner.Client.GetStringAsync("/Settings/Consents")).ShouldContain("the text is unchanged, so no new version was saved");
        (await CountTemplatesAsync(studio, ConsentKind.PhotoUse)).ShouldBe(1);
    }

    [Fact]
    public async Task A_bad_edit_is_shown_inline_with_the_typed_text_and_a_stale_edit_is_refused()
    {
        var studio = await app.CreateStudioAsync("Edit Errors");
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);

        var empty = await SaveTemplateAsync(owner, "photo-use", "", "My typed photo text stays.", basedOn: 1);

        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync());
        Regex.Match(html, "<label for=\"t-photo-use\">.*?<span class=\"field-error\">(?<error>.*?)</span>", RegexOptions.Singleline).Groups["error"].Value
            .ShouldBe("Title is required.");
        Regex.IsMatch(html, "<input id=\"t-photo-use\" name=\"Input.Title\"[^>]*aria-invalid=\"true\"").ShouldBeTrue();
        html.ShouldContain(">My typed photo text stays.</textarea>");
        (await CountTemplatesAsync(studio, ConsentKind.PhotoUse)).ShouldBe(1);

        (await SaveTemplateAsync(owner, "photo-use", "Photos", "Someone else's version 2.", basedOn: 1)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var stale = await SaveTemplateAsync(owner, "photo-use", "Photos", "My edit of version 1.", basedOn: 1);

        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var staleHtml = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        staleHtml.ShouldContain("Someone saved version 2 while you were editing version 1.");
        staleHtml.ShouldContain(">My edit of version 1.</textarea>");
        (await CountTemplatesAsync(studio, ConsentKind.PhotoUse)).ShouldBe(2);

        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var denied = await practitioner.Client.GetAsync("/Settings/Consents");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/Accounts/Denied");
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_a_signed_consent_or_a_template_version()
    {
        var studio = await app.CreateStudioAsync("Immutable");
        var consultation = await ConsultationAsync(studio, 0);
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        (await SignAsync(practitioner, consultation, Smp, "Ada Immutable")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consentId = await app.InStudioAsync(studio.Id, db => db.Consents.Select(c => c.Id).SingleAsync());

        var typedName = await Should.ThrowAsync<DbUpdateException>(() => app.InStudioAsync(studio.Id, async db =>
        {
            var consent = await db.Consents.SingleAsync(c => c.Id == consentId);
            db.Entry(consent).Property(c => c.TypedName).CurrentValue = "Someone Else";
            return await db.SaveChangesAsync();
        }));
        var refused = typedName.InnerException.ShouldBeOfType<PostgresException>();
        refused.SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation);
        refused.MessageText.ShouldBe("a signed consent cannot be changed");

        var template = await app.InStudioAsync(studio.Id, db => db.ConsentTemplates.AsNoTracking().SingleAsync(t => t.Kind == ConsentKind.SmpTreatment));
        foreach (var sql in new[]
        {
            "update consent_templates set body = 'Quietly different.' where id = {0}",
            "update consent_templates set version = 7 where id = {0}",
        })
        {
            var ex = await Should.ThrowAsync<PostgresException>(() => app.InStudioAsync(studio.Id, db => db.Database.ExecuteSqlRawAsync(sql, template.Id)));
            ex.SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation);
        }

        foreach (var sql in new[]
        {
            "update consents set signed_at = signed_at - interval '1 day' where id = {0}",
            "update consents set signature_png = '\\x89504e470d0a1a0a'::bytea where id = {0}",
            "update consents set content_hash = repeat('0', 64) where id = {0}",
        })
        {
            var ex = await Should.ThrowAsync<PostgresException>(() => app.InStudioAsync(studio.Id, db => db.Database.ExecuteSqlRawAsync(sql, consentId)));
            ex.SqlState.ShouldBe(PostgresErrorCodes.IntegrityConstraintViolation);
        }

        // The app's role may not delete either (erasing a client cascades as the owner role).
        (await Should.ThrowAsync<PostgresException>(() => app.InStudioAsync(studio.Id, db => db.Database.ExecuteSqlRawAsync("delete from consents where id = {0}", consentId))))
            .SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Should.ThrowAsync<PostgresException>(() => app.InStudioAsync(studio.Id, db => db.Database.ExecuteSqlRawAsync("delete from consent_templates where id = {0}", template.Id))))
            .SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);

        var after = await app.InStudioAsync(studio.Id, db => db.Consents.AsNoTracking().SingleAsync(c => c.Id == consentId));
        after.TypedName.ShouldBe("Ada Immutable");
        (await TemplateAsync(studio, ConsentKind.SmpTreatment, 1)).Body.ShouldBe(template.Body);
    }

    [Fact]
    public async Task Signing_at_the_chair_records_the_name_signature_address_browser_version_and_witness()
    {
        // Over real HTTP (Kestrel), so the request has a remote address to record; the in-memory test server has none.
        var studio = await kestrel.CreateStudioAsync("Signing");
        var consultation = await ConsultationAsync(kestrel, studio, 0);
        var practitioner = await OverHttpAsync(kestrel, studio.Practitioner.Email);
        practitioner.Client.DefaultRequestHeaders.UserAgent.ParseAdd("StippleTablet/1.0");
        var page = $"/Consultations/{consultation}/Consent/{Smp}";

        var form = await practitioner.Client.GetStringAsync(page);

        var template = await kestrel.InStudioAsync(studio.Id, db => db.ConsentTemplates.AsNoTracking().SingleAsync(t => t.Kind == ConsentKind.SmpTreatment));
        var text = WebUtility.HtmlDecode(form);
        text.ShouldContain("<li>Redness of the scalp for 1 to 2 days.</li>");
        text.ShouldContain("SMP is permanent cosmetic tattooing.");
        form.ShouldContain($"name=\"Input.TemplateId\" value=\"{template.Id}\"");
        form.ShouldContain("data-signature-canvas");
        form.ShouldContain("<script src=\"/js/signature-pad.js?v=");
        Regex.IsMatch(form, "<script(?![^>]*\\bsrc=)[^>]*>").ShouldBeFalse("no inline scripts (CSP script-src 'self')");
        Regex.IsMatch(form, "\\sstyle=\"").ShouldBeFalse("no inline styles (CSP style-src 'self')");

        var png = PdfTestTools.SignaturePng();
        var before = SystemClock.Instance.GetCurrentInstant();
        var response = await SignAsync(practitioner, consultation, Smp, "  Ada Lovelace ", png, templateId: template.Id);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe($"/Consultations/{consultation}");
        var consent = await kestrel.InStudioAsync(studio.Id, db => db.Consents.AsNoTracking().SingleAsync());
        consent.TypedName.ShouldBe("Ada Lovelace");
        consent.SignaturePng.ShouldBe(png);
        consent.Kind.ShouldBe(ConsentKind.SmpTreatment);
        consent.TemplateId.ShouldBe(template.Id);
        consent.TemplateVersion.ShouldBe(1);
        consent.ContentHash.ShouldBe(template.ContentHash);
        consent.ClientId.ShouldBe(studio.Clients[0].Id);
        consent.ConsultationId.ShouldBe(consultation);
        consent.WitnessedBy.ShouldBe(studio.Practitioner.Id);
        consent.UserAgent.ShouldBe("StippleTablet/1.0");
        System.Net.IPAddress.IsLoopback(System.Net.IPAddress.Parse(consent.IpAddress)).ShouldBeTrue(consent.IpAddress);
        consent.SignedAt.ShouldBeInRange(before, SystemClock.Instance.GetCurrentInstant());
        WebUtility.HtmlDecode(await practitioner.Client.GetStringAsync("/")).ShouldContain("SMP treatment consent (version 1) signed by Ada Lovelace.");
    }

    [Fact]
    public async Task A_blank_or_non_png_signature_or_a_missing_name_is_a_field_error_and_nothing_is_stored()
    {
        var studio = await app.CreateStudioAsync("Sign Errors");
        var consultation = await ConsultationAsync(studio, 0);
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var good = PdfTestTools.SignaturePng();
        var corrupt = (byte[])good.Clone();
        corrupt[^20] ^= 0xFF;
        var blank = PngEncoder.Encode(new RgbaImage(600, 200));
        var tooSmall = PngEncoder.Encode(new RgbaImage(20, 10));

        var cases = new (string Name, string? DataUrl, int Points, string Expected)[]
        {
            ("blank canvas", DataUrl(blank), 40, "Draw the signature in the box"),
            ("too few points", DataUrl(good), 3, "Draw the signature in the box"),
            ("nothing drawn", "", 0, "Draw the signature in the box"),
            ("a GIF", "data:image/gif;base64," + Convert.ToBase64String("GIF89a\u0001\u0000"u8.ToArray()), 40, "not a PNG image"),
            ("text called PNG", "data:image/png;base64," + Convert.ToBase64String("not a picture at all"u8.ToArray()), 40, "not a PNG image"),
            ("not base64", "data:image/png;base64,%%%%", 40, "not a PNG image"),
            ("a broken PNG", DataUrl(corrupt), 40, "not a PNG image"),
            ("a 20 × 10 PNG", DataUrl(tooSmall), 40, "not a PNG image"),
            ("over 512 KB", "data:image/png;base64," + new string('A', 720_000), 40, "too large"),
        };
        foreach (var (name, dataUrl, points, expected) in cases)
        {
            var response = await SignAsync(owner, consultation, Smp, "Typed Name Kept", dataUrl: dataUrl, points: points);

            response.StatusCode.ShouldBe(HttpStatusCode.OK, name);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Regex.Match(html, "data-testid=\"signature-error\">(?<error>[^<]*)<").Groups["error"].Value.ShouldContain(expected, Case.Sensitive, name);
            html.ShouldContain("value=\"Typed Name Kept\"", Case.Sensitive, name);
            html.ShouldContain("please sign in the box again", Case.Sensitive, name);
        }

        var noName = await SignAsync(owner, consultation, Smp, "   ", good);

        noName.StatusCode.ShouldBe(HttpStatusCode.OK);
        var noNameHtml = WebUtility.HtmlDecode(await noName.Content.ReadAsStringAsync());
        Regex.Match(noNameHtml, "<label for=\"Input_TypedName\">.*?<span class=\"field-error\">(?<error>.*?)</span>", RegexOptions.Singleline).Groups["error"].Value
            .ShouldBe("Typed name is required.");
        Regex.IsMatch(noNameHtml, "<input id=\"Input_TypedName\"[^>]*aria-invalid=\"true\"").ShouldBeTrue();
        (await app.InStudioAsync(studio.Id, db => db.Consents.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public void The_blank_rule_counts_inked_pixels_through_every_png_row_filter()
    {
        // Pixels spread over rows of all five filter types; a horizontal run under the Sub filter would look like two
        // pixels if the filters were not undone, so the exact threshold shows the decoding is right.
        static byte[] WithInk(int pixels, byte alpha)
        {
            var image = new RgbaImage(300, 100);
            for (var n = 0; n < pixels; n++)
            {
                var (x, y) = (40 + (n % 7 * 30) + (n / 7), 10 + (n % 5 * 17) + (n % 3));
                ((ReadOnlySpan<byte>)[20, 32, 90, alpha]).CopyTo(image.GetRow(y)[(x * 4)..]);
            }

            return FilteredPng.Encode(image);
        }

        string? ErrorFor(byte[] png, int points = 50)
        {
            var errors = new Stipple.Web.Infrastructure.FieldErrors();
            var read = SignatureImage.Read(DataUrl(png), points, errors);
            (read is null).ShouldBe(errors.Any);
            read?.ShouldBe(png);
            return errors.MessageFor("signaturePng");
        }

        ErrorFor(WithInk(SignatureImage.MinInkedPixels, 255)).ShouldBeNull();
        ErrorFor(WithInk(SignatureImage.MinInkedPixels, 1)).ShouldBeNull(); // faint anti-aliased edges are ink too
        ErrorFor(WithInk(SignatureImage.MinInkedPixels - 1, 255))!.ShouldStartWith("Draw the signature in the box");
        ErrorFor(WithInk(0, 0))!.ShouldStartWith("Draw the signature in the box");
        ErrorFor(WithInk(200, 255), points: SignatureImage.MinStrokePoints - 1)!.ShouldStartWith("Draw the signature in the box");
        ErrorFor(WithInk(200, 255), points: SignatureImage.MinStrokePoints).ShouldBeNull();
    }

    [Fact]
    public async Task A_new_template_version_asks_for_that_consent_again_at_the_next_visit()
    {
        var studio = await app.CreateStudioAsync("Ask Again");
        var first = await ConsultationAsync(studio, 0);
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        var v1 = await TemplateAsync(studio, ConsentKind.SmpTreatment, 1);
        (await SignAsync(practitioner, first, Smp, "Ada Again")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SignAsync(practitioner, first, "photo-use", "Ada Again")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var signed = await PanelAsync(practitioner, first);
        signed[Smp].State.ShouldBe("signed");
        signed[Smp].Html.ShouldContain("Download PDF");
        signed[Smp].Html.ShouldNotContain("data-testid=\"sign-");
        signed["photo-use"].State.ShouldBe("signed");
        signed["data-processing"].State.ShouldBe("not-signed");
        signed["data-processing"].Html.ShouldContain($"href=\"/Consultations/{first}/Consent/data-processing\"");

        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        (await SaveTemplateAsync(owner, Smp, v1.Title, v1.Body + "\n\nA new paragraph the client has not read.", basedOn: 1)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var nextVisit = await ConsultationAsync(studio, 0);

        foreach (var consultation in new[] { first, nextVisit })
        {
            var panel = await PanelAsync(practitioner, consultation);
            panel[Smp].State.ShouldBe("ask-again");
            panel[Smp].Html.ShouldContain("The text changed since version 1 was signed: ask again.");
            panel[Smp].Html.ShouldContain($"href=\"/Consultations/{consultation}/Consent/{Smp}\"");
            panel["photo-use"].State.ShouldBe("signed");
        }

        using var api = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));
        var list = (await api.GetFromJsonAsync<List<ConsentRow>>($"/api/v1/clients/{studio.Clients[0].Id}/consents"))!;
        list.Single(c => string.Equals(c.Kind, Smp, StringComparison.Ordinal)).ShouldSatisfyAllConditions(c => c.Version.ShouldBe(1), c => c.Current.ShouldBeFalse(), c => c.ContentHash.ShouldBe(v1.ContentHash));
        list.Single(c => string.Equals(c.Kind, "photo-use", StringComparison.Ordinal)).Current.ShouldBeTrue();

        // A page opened on version 1 cannot sign it any more: the client must read version 2.
        var stale = await SignAsync(practitioner, nextVisit, Smp, "Ada Again", templateId: v1.Id);
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()).ShouldContain("The studio changed this text while the page was open. This is version 2");

        (await SignAsync(practitioner, nextVisit, Smp, "Ada Again")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var resigned = await PanelAsync(practitioner, nextVisit);
        resigned[Smp].State.ShouldBe("signed");
        resigned[Smp].Html.ShouldContain("version 2");
        (await app.InStudioAsync(studio.Id, db => db.Consents.CountAsync(c => c.Kind == ConsentKind.SmpTreatment))).ShouldBe(2);
    }

    [Fact]
    public async Task The_pdf_holds_the_exact_text_signed_the_typed_name_and_the_client_and_is_not_cached()
    {
        var studio = await app.CreateStudioAsync("Pdf Studio");
        await app.InStudioAsync(studio.Id, async db =>
        {
            var client = await db.Clients.SingleAsync(c => c.Id == studio.Clients[0].Id);
            client.Update(new ClientDetails("Zoë", "Ó Briain", null, null, new LocalDate(1988, 3, 4)), SystemClock.Instance.GetCurrentInstant());
            return await db.SaveChangesAsync();
        });
        var consultation = await ConsultationAsync(studio, 0);
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        var v1 = await TemplateAsync(studio, ConsentKind.SmpTreatment, 1);
        (await SignAsync(owner, consultation, Smp, "Zoë Typed Signature")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await SaveTemplateAsync(owner, Smp, "Changed title", "Completely different version 2 text.", basedOn: 1)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consentId = await app.InStudioAsync(studio.Id, db => db.Consents.Select(c => c.Id).SingleAsync());

        var response = await owner.Client.GetAsync($"/Consents/{consentId}/Pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var today = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        response.Content.Headers.ContentDisposition.FileName!.Trim('"')
            .ShouldBe($"consent-smp-treatment-v1-zoe-o-briain-{today:yyyy'-'MM'-'dd}.pdf");
        response.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = PdfTestTools.Flatten(PdfTestTools.ExtractText(pdf));
        text.ShouldContain("Zoë Typed Signature");
        text.ShouldContain("Zoë Ó Briain");
        text.ShouldContain("4 March 1988");
        text.ShouldContain("Pdf Studio");
        text.ShouldContain(v1.Title);
        text.ShouldContain("(Europe/London)");
        text.ShouldContain(v1.ContentHash);
        foreach (var line in v1.Body.Split('\n').Where(l => l.Length > 0))
        {
            text.ShouldContain(line.TrimStart('-', ' ')); // every line of the text signed, bullets without their dash
        }

        text.ShouldNotContain("Completely different version 2 text.");

        using var api = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));
        var viaApi = await api.GetAsync($"/api/v1/consents/{consentId}/pdf");
        viaApi.StatusCode.ShouldBe(HttpStatusCode.OK);
        viaApi.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        viaApi.Headers.CacheControl!.NoStore.ShouldBeTrue();
        PdfTestTools.Flatten(PdfTestTools.ExtractText(await viaApi.Content.ReadAsByteArrayAsync())).ShouldContain("Zoë Typed Signature");
    }

    [Fact]
    public async Task Another_studios_staff_and_keys_get_404_for_the_pdf_the_list_the_panel_and_the_signing_page()
    {
        var studio = await app.CreateStudioAsync("Tenant A");
        var other = await app.CreateStudioAsync("Tenant B");
        var consultation = await ConsultationAsync(studio, 0);
        var owner = await BrowserSession.SignedInAsync(app, studio.Owner.Email);
        (await SignAsync(owner, consultation, Smp, "Private Person")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var consentId = await app.InStudioAsync(studio.Id, db => db.Consents.Select(c => c.Id).SingleAsync());
        var clientId = studio.Clients[0].Id;

        var stranger = await BrowserSession.SignedInAsync(app, other.Owner.Email);
        (await stranger.Client.GetAsync($"/Consents/{consentId}/Pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Client.GetAsync($"/api/v1/consents/{consentId}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Client.GetAsync($"/api/v1/clients/{clientId}/consents")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Client.GetAsync($"/Consultations/{consultation}/Consents")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.Client.GetAsync($"/Consultations/{consultation}/Consent/{Smp}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await SignAsync(stranger, consultation, Smp, "Intruder", tokenPage: "/")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var otherKey = app.CreateApiClient(await app.CreateApiKeyAsync(other.Id));
        (await otherKey.GetAsync($"/api/v1/consents/{consentId}/pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await otherKey.GetAsync($"/api/v1/clients/{clientId}/consents")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await owner.Client.GetAsync($"/Consultations/{consultation}/Consent/not-a-kind")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.InStudioAsync(studio.Id, db => db.Consents.CountAsync())).ShouldBe(1);
        (await app.InStudioAsync(other.Id, db => db.Consents.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Front_desk_cannot_sign_but_reads_the_status_the_list_and_the_pdf()
    {
        var studio = await app.CreateStudioAsync("Front Desk");
        var consultation = await ConsultationAsync(studio, 1);
        var practitioner = await BrowserSession.SignedInAsync(app, studio.Practitioner.Email);
        (await SignAsync(practitioner, consultation, "data-processing", "Ben Desk")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var desk = await BrowserSession.SignedInAsync(app, studio.FrontDesk.Email);

        ShouldBeRefused(await desk.Client.GetAsync($"/Consultations/{consultation}/Consent/{Smp}"));
        ShouldBeRefused(await SignAsync(desk, consultation, Smp, "Ben Desk", tokenPage: "/"));
        (await app.InStudioAsync(studio.Id, db => db.Consents.CountAsync())).ShouldBe(1);

        var panel = await PanelAsync(desk, consultation);
        panel["data-processing"].State.ShouldBe("signed");
        panel[Smp].State.ShouldBe("not-signed");
        panel[Smp].Html.ShouldNotContain("data-testid=\"sign-");
        var list = await desk.Client.GetFromJsonAsync<List<ConsentRow>>($"/api/v1/clients/{studio.Clients[1].Id}/consents");
        list!.ShouldHaveSingleItem().ShouldSatisfyAllConditions(c => c.Kind.ShouldBe("data-processing"), c => c.Current.ShouldBeTrue(), c => c.Version.ShouldBe(1));
        var pdf = await desk.Client.GetAsync($"/Consents/{list[0].Id}/Pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
    }

    /// <summary>A signed-in browser session against the Kestrel-hosted app, over a real socket.</summary>
    private static async Task<BrowserSession> OverHttpAsync(ApiTests.KestrelAppFactory factory, string email)
    {
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // A plain socket client: the factory's own client follows redirects when the app runs on Kestrel.
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var session = new BrowserSession(new HttpClient(handler) { BaseAddress = new Uri(address) });
        var response = await session.PostFormAsync("/Accounts/SignIn", "/Accounts/SignIn", new() { ["Input.Email"] = email, ["Input.Password"] = StippleAppFactory.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    private static void ShouldBeRefused(HttpResponseMessage response)
    {
        var refused = response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Accounts/Denied", StringComparison.Ordinal));
        refused.ShouldBeTrue($"expected 403 or a redirect to Denied, got {(int)response.StatusCode} {response.Headers.Location}");
    }

    private static string DataUrl(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);

    /// <summary>Posts the signing form the way signature-pad.js fills it (a drawn PNG and its point count).</summary>
    private static Task<HttpResponseMessage> SignAsync(
        BrowserSession session, Guid consultation, string kind, string typedName, byte[]? png = null, string? dataUrl = null, int points = 180, Guid? templateId = null, string? tokenPage = null)
    {
        var page = $"/Consultations/{consultation}/Consent/{kind}";
        var fields = new Dictionary<string, string>
        {
            ["Input.TypedName"] = typedName,
            ["Input.SignaturePng"] = dataUrl ?? DataUrl(png ?? PdfTestTools.SignaturePng()),
            ["Input.StrokePoints"] = points.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (templateId is { } id)
        {
            fields["Input.TemplateId"] = id.ToString();
        }

        return session.PostFormAsync(tokenPage ?? page, page, fields);
    }

    private static Task<HttpResponseMessage> SaveTemplateAsync(BrowserSession owner, string kind, string title, string body, int basedOn) =>
        owner.PostFormAsync("/Settings/Consents", "/Settings/Consents", new()
        {
            ["Kind"] = kind,
            ["Input.Title"] = title,
            ["Input.Body"] = body,
            ["Input.BasedOnVersion"] = basedOn.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>The consultation's consent panel, by kind: its data-state and its HTML.</summary>
    private static async Task<Dictionary<string, (string State, string Html)>> PanelAsync(BrowserSession session, Guid consultation)
    {
        var html = WebUtility.HtmlDecode(await session.Client.GetStringAsync($"/Consultations/{consultation}/Consents"));
        return Regex.Matches(html, "<li class=\"list-item consent-row\" data-kind=\"(?<kind>[^\"]+)\" data-state=\"(?<state>[^\"]+)\">(?<body>.*?)</li>", RegexOptions.Singleline)
            .ToDictionary(m => m.Groups["kind"].Value, m => (m.Groups["state"].Value, m.Groups["body"].Value));
    }

    private Task<Guid> ConsultationAsync(TestStudio studio, int client) => ConsultationAsync(app, studio, client);

    private static async Task<Guid> ConsultationAsync(StippleAppFactory factory, TestStudio studio, int client)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var consultation = Consultation.Create(studio.Id, studio.Clients[client].Id, now.InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date, studio.Practitioner.Id, now);
        await factory.InStudioAsync(studio.Id, db =>
        {
            db.Consultations.Add(consultation);
            return db.SaveChangesAsync();
        });
        return consultation.Id;
    }

    /// <summary>A template version, creating the studio's defaults first when it has none (as any page would).</summary>
    private async Task<ConsentTemplate> TemplateAsync(TestStudio studio, ConsentKind kind, int version)
    {
        using var api = app.CreateApiClient(await app.CreateApiKeyAsync(studio.Id));
        (await api.GetAsync("/api/v1/consents/templates")).EnsureSuccessStatusCode();
        return await app.InStudioAsync(studio.Id, db => db.ConsentTemplates.AsNoTracking().SingleAsync(t => t.Kind == kind && t.Version == version));
    }

    private Task<int> CountTemplatesAsync(TestStudio studio, ConsentKind kind) =>
        app.InStudioAsync(studio.Id, db => db.ConsentTemplates.CountAsync(t => t.Kind == kind));

    private sealed record TemplateRow(Guid Id, string Kind, string Label, int Version, string Title, string Body, string ContentHash);

    private sealed record ConsentRow(Guid Id, string Kind, int Version, string ContentHash, string TypedName, bool Current);
}
