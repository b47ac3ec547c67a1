using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Stipple.Core.Care;
using Stipple.Core.Colour;
using Stipple.Domain;
using Stipple.Web.Features.Consultations;

namespace Stipple.Web.Tests.Infrastructure;

/// <summary>Intakes, consultations, intakes on file and problem bodies for the consultation-feature tests.</summary>
public static class CareTestData
{
    /// <summary>An adult's intake with nothing to report: every screening finding is Ok.</summary>
    public static Intake Clean(LocalDate? dateOfBirth = null) => new()
    {
        DateOfBirth = dateOfBirth ?? StippleAppFactory.AdultBirthday,
        Skin = new SkinProfile { Fitzpatrick = 3, Undertone = Undertone.Neutral },
    };

    /// <summary>The request body of <c>POST /api/v1/screening/evaluate</c>, the intake in the documented Care JSON format.</summary>
    public static JsonObject EvaluateBody(Intake intake, LocalDate? on) => new()
    {
        ["intake"] = JsonSerializer.SerializeToNode(intake, CareJson.Options),
        ["on"] = on is { } day ? Iso(day) : null,
    };

    public static string Iso(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    /// <summary>Today in the test studios' time zone (Europe/London), as the app computes it.</summary>
    public static LocalDate Today() => SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;

    /// <summary>Starts a consultation (held today) for the client and returns its id.</summary>
    public static Task<Guid> StartConsultationAsync(StippleAppFactory app, Guid studioId, Guid clientId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.InStudioServicesAsync(studioId, async services =>
        {
            var result = await services.GetRequiredService<ConsultationService>().StartAsync(clientId, new ConsultationInput(), CancellationToken.None);
            result.Succeeded.ShouldBeTrue("the consultation starts");
            return result.Value!.Id;
        });
    }

    /// <summary>Submits the intake for the consultation as staff would (stored, screened, recorded on the consultation).</summary>
    public static Task<IntakeOutcome> SubmitIntakeAsync(StippleAppFactory app, Guid studioId, Guid consultationId, Intake intake)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.InStudioServicesAsync(studioId, async services =>
        {
            var result = await services.GetRequiredService<IntakeService>().SubmitAsync(consultationId, intake, IntakeSource.Staff, null, CancellationToken.None);
            result.Succeeded.ShouldBeTrue(result.Errors is null ? "the intake is accepted" : string.Join("; ", result.Errors.ToDictionary().Select(e => e.Key + ": " + string.Join(", ", e.Value))));
            return result.Value!;
        });
    }

    /// <summary>A one-time client link for the consultation; returns the token for <c>/c/{token}</c>.</summary>
    public static Task<string> CreateLinkAsync(StippleAppFactory app, Guid studioId, Guid consultationId)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.InStudioServicesAsync(studioId, async services =>
            (await services.GetRequiredService<IntakeService>().CreateLinkAsync(consultationId, null, CancellationToken.None))!);
    }

    /// <summary>The field errors of a 400 problem response.</summary>
    public static async Task<Dictionary<string, string[]>> ProblemAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var document = JsonDocument.Parse(text);
        document.RootElement.TryGetProperty("errors", out var errors).ShouldBeTrue($"the problem names fields: {text}");
        return errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }
}
