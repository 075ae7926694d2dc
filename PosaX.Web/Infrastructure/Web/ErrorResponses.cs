using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using PosaX.Web.Features.Shared;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// Unhandled exceptions: never the exception's text, never a 500 for a client's mistake.
/// Kestrel's own rejections (body too large: 413, malformed request: 400) keep their status;
/// a database out of reach is a 503 with Retry-After, a full disk a 507 (ServerConditions).
/// Written directly rather than re-executing a page, because re-running a POST would read
/// the same broken body again.
/// </summary>
public static class ErrorResponses
{
    public static IApplicationBuilder UsePosaXExceptionHandler(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = StatusFor,
            ExceptionHandler = WriteAsync,
        });

    public static int StatusFor(Exception e) => e switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status400BadRequest, // malformed multipart body
        // The database restarting or a full disk: the server's state, not a bug (see ServerConditions).
        _ => ServerConditions.StatusFor(e) ?? StatusCodes.Status500InternalServerError,
    };

    private static async Task WriteAsync(HttpContext context)
    {
        var exception = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = exception is null ? StatusCodes.Status500InternalServerError : StatusFor(exception);
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = ServerConditions.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (heading, explanation) = SharedTexts.Error.For(status);
        if (AjaxRequests.IsAjax(context.Request))
        {
            await context.Response.WriteAsJsonAsync(new AjaxResponse(false, SharedTexts.Error.Message(status), null, AjaxResponse.NoErrors));
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="{Languages.Current}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{WebUtility.HtmlEncode(heading)} · PosaX</title><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="narrow"><h1>{WebUtility.HtmlEncode(heading)}</h1><p>{WebUtility.HtmlEncode(explanation)}</p>
            <p><a class="button" href="/">{WebUtility.HtmlEncode(SharedTexts.Error.BackHome)}</a></p></main></body></html>
            """);
    }
}
