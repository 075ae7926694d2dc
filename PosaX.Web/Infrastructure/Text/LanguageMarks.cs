using Microsoft.AspNetCore.Html;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// Words in another language than the page's, inside a text of the page's language: an English page's heading
/// "Vannerie by Ama" names a category that has no English name yet. Where such words fill a whole element, the
/// element carries the <c>lang</c> attribute itself (<c>&lt;a lang="@lang"&gt;</c>); where they are part of a
/// sentence, they are a <c>&lt;span lang&gt;</c> in it, so screen readers say them in their language.
/// </summary>
public static class LanguageMarks
{
    /// <summary>The text, HTML-encoded, in a <c>&lt;span lang&gt;</c> when <paramref name="lang"/> is not null, else the text alone.</summary>
    public static IHtmlContent Span(string text, string? lang)
    {
        if (lang is null) return new HtmlContentBuilder(1).Append(text);
        var span = new HtmlContentBuilder(5);
        return span.AppendHtml("<span lang=\"").Append(lang).AppendHtml("\">").Append(text).AppendHtml("</span>");
    }

    /// <summary>
    /// A text's format ("{0} by {1}", from the resources: trusted, written as it is) with its arguments: HTML content
    /// (a <see cref="Span"/>) as it is, anything else encoded; numbers and dates the language's way.
    /// </summary>
    public static IHtmlContent Format(string format, params object?[] args) => new HtmlFormattableString(Languages.Culture, format, args);
}
