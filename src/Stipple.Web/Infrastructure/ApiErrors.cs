using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Stipple.Web.Infrastructure;

/// <summary>
/// Errors as RFC 9457 problem details. A body the API cannot read is a 400 naming the field (from the JSON path), never a
/// 500; anything unexpected is logged and answered without internals.
/// </summary>
public static class ApiErrors
{
    public static async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            var field = FieldOf(bad);
            problem = new ValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                [field] = [bad.InnerException is JsonException ? "is not valid JSON for this field." : bad.Message],
            })
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request is too large." : "The request could not be read.",
            };
            context.Response.StatusCode = bad.StatusCode;
        }
        else
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Stipple.Errors")
                .LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Something went wrong on our side." };
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    public static async Task StatusCodePageAsync(StatusCodeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = new ProblemDetails { Status = http.Response.StatusCode } });
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        var (title, text) = http.Response.StatusCode switch
        {
            404 => ("Not found", "There is nothing at this address. It may have been removed, or it belongs to another studio."),
            403 => ("Not allowed", "Your role cannot open this page."),
            _ => ("Something went wrong", "Please go back and try again."),
        };
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title} · Stipple</title><link rel="stylesheet" href="/css/site.css"></head>
            <body class="auth"><main id="main" class="auth-main"><div class="auth-card card"><h1 class="auth-title">{title}</h1><p>{text}</p>
            <p><a class="btn btn-block" href="/">Back to Stipple</a></p></div></main></body></html>
            """);
    }

    private static string FieldOf(BadHttpRequestException exception)
    {
        var path = (exception.InnerException as JsonException)?.Path;
        if (string.IsNullOrEmpty(path) || string.Equals(path, "$", StringComparison.Ordinal))
        {
            return "body";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
    }
}
