namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// Reads a posted form where a client's broken body (NUL bytes, a key or value past the form limits,
/// a malformed multipart body, a body larger than allowed) is the client's mistake to answer 400 or
/// 413 — not an exception that the error handler would log as the app's. Used by AjaxPageModel for
/// every page and by the minimal endpoints that read a form (the heart, the one-click unsubscribe).
/// </summary>
public static class RequestForms
{
    /// <summary>
    /// The form (empty when the body is not a form), or no form and the status to answer with
    /// (413 when the body was too large, otherwise 400).
    /// </summary>
    public static async Task<(IFormCollection? Form, int RefusedWith)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return (FormCollection.Empty, 0);
        try
        {
            return (await request.ReadFormAsync(ct), 0);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException or IOException)
        {
            return (null, e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>The JSON contract's answer to a form that could not be read.</summary>
    public static AjaxResponse Refusal(int status) => new(false, status == StatusCodes.Status413PayloadTooLarge
        ? InfrastructureTexts.Ajax.TooLarge
        : InfrastructureTexts.Ajax.Unreadable, null, AjaxResponse.NoErrors);
}
