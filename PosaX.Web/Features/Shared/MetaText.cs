namespace PosaX.Web.Features.Shared;

/// <summary>Text for &lt;meta name="description"&gt;, written from a page's content.</summary>
public static class MetaText
{
    /// <summary>
    /// Whitespace collapsed and cut on a word boundary: meta descriptions stay under ~160 characters.
    /// No-break spaces are kept, so a price ("150 000 FCFA") is never split.
    /// </summary>
    public static string Shorten(string text, int max = 155)
    {
        text = string.Join(' ', text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > 50 ? cut : max - 1)] + "…";
    }
}
