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

    /// <summary>
    /// Additive, only on answers that change a row of a list (admin acts): the row's new state, so
    /// the page shows it without a reload. Absent (not null) everywhere else.
    /// </summary>
    [JsonPropertyName("state"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RowState? State { get; init; }
}

/// <summary>
/// A row's new state after an act: <c>name</c> says which of its states changed ("visibility",
/// "featured", "suspension", "report"), <c>status</c> its new stable code ("hidden", "visible"…),
/// <c>label</c> what the row's badge now says (empty: no badge), <c>action</c> the label of the
/// button that undoes it, when the same button toggles.
/// </summary>
public sealed record RowState(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("action"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Action = null);

public static class AjaxRequests
{
    /// <summary>The site's fetch helper asks for JSON; a plain form post (no JavaScript) asks for HTML.</summary>
    public static bool IsAjax(HttpRequest request) =>
        request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
}
