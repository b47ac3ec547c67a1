using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Stipple.Core.Design;
using Stipple.Web.Tests.Infrastructure;

namespace Stipple.Web.Tests;

/// <summary><c>POST /api/v1/design/render</c> against the real app: formats by Accept, field-keyed errors, the studio's rate.</summary>
public sealed class DesignApiTests(StippleAppFactory app) : IClassFixture<StippleAppFactory>, IAsyncLifetime
{
    private const string Render = "/api/v1/design/render";

    private static readonly string Design = DesignJson.Serialize(DesignTemplates.Create(TemplateKind.MaleMature));

    private TestStudio studio = null!;
    private string key = "";

    public async Task InitializeAsync()
    {
        studio = await app.CreateStudioAsync("Design");
        key = await app.CreateApiKeyAsync(studio.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("application/json")]
    [InlineData("*/*")]
    [InlineData(null)]
    public async Task The_report_counts_the_dots_of_every_session(string? accept)
    {
        using var response = await PostAsync(Design, accept);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = report.RootElement;
        root.GetProperty("schema").GetString().ShouldBe(DesignReport.SchemaV1);
        var total = root.GetProperty("totalDots").GetInt32();
        total.ShouldBeGreaterThan(0);
        root.GetProperty("sessions").EnumerateArray().Sum(s => s.GetProperty("dots").GetInt32()).ShouldBe(total);
        root.GetProperty("zones")[0].GetProperty("kind").GetString().ShouldBe("frontal");
        root.GetProperty("impressionsPerMinute").GetDouble().ShouldBe(78);
    }

    [Fact]
    public async Task Png_has_the_signature_and_the_requested_size()
    {
        using var response = await PostAsync(Design, "image/png", "?width=320&height=200&look=aged&years=5&background=transparent");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var png = await response.Content.ReadAsByteArrayAsync();
        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        Encoding.ASCII.GetString(png, 12, 4).ShouldBe("IHDR");
        BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16)).ShouldBe(320u);
        BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20)).ShouldBe(200u);
    }

    [Fact]
    public async Task Svg_is_an_svg_document()
    {
        using var response = await PostAsync(Design, "image/svg+xml", "?pxPerMm=2&session=1&background=%23e0c0a0");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        var svg = await response.Content.ReadAsStringAsync();
        svg.ShouldStartWith("<svg");
        svg.ShouldContain("#e0c0a0");
        svg.ShouldContain("data-session=\"1\"");
        svg.ShouldNotContain("data-session=\"2\"");
    }

    [Fact]
    public async Task Dots_are_sixteen_bytes_each_and_stop_at_the_requested_session()
    {
        using var reportResponse = await PostAsync(Design, "application/json");
        using var report = JsonDocument.Parse(await reportResponse.Content.ReadAsStringAsync());
        var total = report.RootElement.GetProperty("totalDots").GetInt32();
        var first = report.RootElement.GetProperty("sessions")[0].GetProperty("dots").GetInt32();

        using var all = await PostAsync(Design, "application/octet-stream");
        using var one = await PostAsync(Design, "application/octet-stream", "?session=1");

        all.StatusCode.ShouldBe(HttpStatusCode.OK);
        all.Content.Headers.ContentType!.MediaType.ShouldBe("application/octet-stream");
        var bytes = await all.Content.ReadAsByteArrayAsync();
        bytes.Length.ShouldBe(DotsBinary.RecordSize * total);
        DotsBinary.Read(bytes).Max(d => d.Session).ShouldBe((byte)3);
        (await one.Content.ReadAsByteArrayAsync()).Length.ShouldBe(DotsBinary.RecordSize * first);
    }

    [Fact]
    public async Task An_invalid_design_is_a_problem_naming_the_json_path()
    {
        var template = DesignTemplates.Create(TemplateKind.MaleMature);
        var invalid = template with { Zones = [template.Zones[0] with { DensityPerCm2 = 500 }, .. template.Zones.Skip(1)] };

        using var response = await PostAsync(DesignJson.Serialize(invalid), "image/png");

        (await ProblemErrorsAsync(response, HttpStatusCode.BadRequest)).ShouldContain("zones[0].densityPerCm2");
    }

    [Theory]
    [InlineData("{\"schema\": \"stipple.design/1\", \"zones\": [", null)]
    [InlineData("", "body")]
    [InlineData("{\"seed\": \"twelve\"}", "seed")]
    [InlineData("{\"zones\": [{\"densityPerCm2\": \"lots\"}]}", "zones[0].densityPerCm2")]
    public async Task Malformed_json_is_a_400_naming_the_path(string body, string? field)
    {
        using var response = await PostAsync(body, "application/json");

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.ShouldNotBeEmpty();
        if (field is not null)
        {
            errors.ShouldContain(field);
        }
    }

    [Fact]
    public async Task Bad_query_options_are_each_named()
    {
        using var response = await PostAsync(Design, "image/png", "?look=purple&years=50&session=0&pxPerMm=abc&width=99999&background=tartan");

        var errors = await ProblemErrorsAsync(response, HttpStatusCode.BadRequest);
        errors.ShouldBe(["look", "years", "session", "pxPerMm", "width", "background"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("?session=4", "session")]
    [InlineData("?pxPerMm=2&width=100", "pxPerMm")]
    [InlineData("?pxPerMm=128", "pxPerMm")]
    public async Task Options_that_do_not_fit_the_design_are_named(string query, string field)
    {
        using var response = await PostAsync(Design, "image/png", query);

        (await ProblemErrorsAsync(response, HttpStatusCode.BadRequest)).ShouldBe([field]);
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/problem+json")]
    [InlineData("image/png;q=0, image/svg+xml;q=0, application/json;q=0, application/octet-stream;q=0")]
    public async Task An_unsupported_accept_is_406(string accept)
    {
        using var response = await PostAsync(Design, accept);

        response.StatusCode.ShouldBe(HttpStatusCode.NotAcceptable);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Theory]
    [InlineData("image/*", "image/png")]
    [InlineData("application/octet-stream;q=0.5, image/svg+xml", "image/svg+xml")]
    [InlineData("text/html, */*;q=0.8", "application/json")]
    public async Task Accept_picks_the_best_format(string accept, string expected)
    {
        using var response = await PostAsync(Design, accept, "?pxPerMm=1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(expected);
    }

    [Fact]
    public async Task A_design_over_the_size_limit_is_413()
    {
        using var response = await PostAsync(new string(' ', DesignJson.MaxBytes) + Design, "application/json");

        (await ProblemErrorsAsync(response, HttpStatusCode.RequestEntityTooLarge)).ShouldBe(["body"]);
    }

    [Fact]
    public async Task Without_credentials_it_is_401()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var content = new StringContent(Design, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(Render, content);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Estimated_minutes_follow_each_studios_impressions_per_minute()
    {
        var slow = await app.CreateStudioAsync("Design Slow");
        var slowKey = await app.CreateApiKeyAsync(slow.Id);
        using (var settings = app.CreateApiClient(slowKey))
        {
            var set = await settings.PutAsJsonAsync("/api/v1/studio", new { name = "Design Slow", timeZone = "Europe/London", currency = "GBP", locale = "en-GB", impressionsPerMinute = 39 });
            set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        }

        var standard = await MinutesAsync(key);
        var halfSpeed = await MinutesAsync(slowKey);

        standard.Rate.ShouldBe(78);
        halfSpeed.Rate.ShouldBe(39);
        halfSpeed.Minutes.ShouldNotBe(standard.Minutes);
        for (var i = 0; i < standard.Minutes.Count; i++)
        {
            halfSpeed.Minutes[i].ShouldBeInRange((standard.Minutes[i] * 2) - 1, (standard.Minutes[i] * 2) + 1);
        }
    }

    [Fact]
    public async Task OpenApi_describes_the_render_endpoint_and_its_formats()
    {
        using var client = app.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var post = document.RootElement.GetProperty("paths").GetProperty("/api/v1/design/render").GetProperty("post");
        post.GetProperty("summary").GetString().ShouldNotBeNullOrEmpty();
        var ok = post.GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(p => p.Name).ToList();
        ok.ShouldBe(["application/json", "image/png", "image/svg+xml", "application/octet-stream"], ignoreOrder: true);
        post.GetProperty("responses").TryGetProperty("400", out _).ShouldBeTrue();
        post.GetProperty("responses").TryGetProperty("406", out _).ShouldBeTrue();

        // The design types are described as DesignJson writes them, not with the API's default JSON options.
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        schemas.GetProperty("MapPoint").GetProperty("type").GetString().ShouldBe("array");
        schemas.GetProperty("ZoneKind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldContain("mid-scalp");
        schemas.GetProperty("ZoneSpec").GetProperty("properties").GetProperty("densityPerCm2").GetProperty("type").GetString().ShouldBe("number");
    }

    private async Task<(double Rate, List<double> Minutes)> MinutesAsync(string apiKey)
    {
        using var client = app.CreateApiClient(apiKey);
        using var content = new StringContent(Design, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(Render, content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (
            report.RootElement.GetProperty("impressionsPerMinute").GetDouble(),
            [.. report.RootElement.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("estimatedMinutes").GetDouble())]);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? accept, string query = "")
    {
        using var client = app.CreateApiClient(key);
        using var request = new HttpRequestMessage(HttpMethod.Post, Render + query) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await client.SendAsync(request);
    }

    private static async Task<List<string>> ProblemErrorsAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var document = JsonDocument.Parse(text);
        document.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        document.RootElement.TryGetProperty("errors", out var errors).ShouldBeTrue($"problem has 'errors': {text}");
        return [.. errors.EnumerateObject().Select(p => p.Name)];
    }
}
