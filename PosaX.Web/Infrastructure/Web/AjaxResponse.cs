using System.Text.Json.Serialization;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// The one JSON contract of every AJAX handler (the client's Django JsonResponse, extended):
/// 200 on success, 400 on invalid input with errors keyed by the form's field names, 429 when throttled.
/// </summary>
public sealed record AjaxResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("redirect_url")] string? RedirectUrl,
    [property: JsonPropertyName("errors")] IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();
}

public static class AjaxRequests
{
    /// <summary>The site's fetch helper asks for JSON; a plain form post (no JavaScript) asks for HTML.</summary>
    public static bool IsAjax(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
