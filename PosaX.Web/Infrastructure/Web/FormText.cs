using PosaX.Web.Infrastructure.Text;

namespace PosaX.Web.Infrastructure.Web;

/// <summary>
/// What a person can type into a form. A NUL makes PostgreSQL refuse the whole row (a 500 after
/// validation passed), other control characters and noncharacters have no business in a name,
/// a title or a message and break text functions (normalisation throws on U+FFFF): any posted
/// value holding one is refused at its field, before a handler sees it. Tab and line breaks stay.
/// </summary>
public static class FormText
{
    public static string Untypeable => InfrastructureTexts.Ajax.Untypeable;

    public static bool IsTypeable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is < ' ' and not ('\t' or '\n' or '\r') || c == '\u007F' || TextFolding.IsNoncharacter(c)) return false;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                if ((char.ConvertToUtf32(c, value[++i]) & 0xFFFE) == 0xFFFE) return false; // U+1FFFE, U+10FFFF…
            }
            else if (char.IsSurrogate(c)) return false;
        }
        return true;
    }
}

public static class TypeableQueries
{
    /// <summary>
    /// The same rule for query strings, which reach searches and lookups on every GET
    /// (<c>/oeuvres?categorie=%00</c> was a 500 on PostgreSQL): such a request is a 400 (the
    /// French error page, or the JSON contract for a fetch) before any endpoint sees it.
    /// Registered after the status-code pages, so a GET gets the page.
    /// </summary>
    public static IApplicationBuilder UseTypeableQueries(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            foreach (var (key, values) in context.Request.Query)
            {
                if (FormText.IsTypeable(key) && values.All(v => v is null || FormText.IsTypeable(v))) continue;
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                if (AjaxRequests.IsAjax(context.Request))
                    await context.Response.WriteAsJsonAsync(new AjaxResponse(false, FormText.Untypeable, null, AjaxResponse.NoErrors));
                return;
            }
            await next(context);
        });
}
