using Ganss.Xss;
using Markdig;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// Bios and descriptions are Markdown written by users. Markdig's DisableHtml still lets
/// <c>[x](javascript:…)</c> through, so its output is also sanitised: only a few tags and
/// http, https and mailto links survive.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseSoftlineBreakAsHardlineBreak()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        return _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
    }

    /// <summary>Plain text (for meta descriptions and previews).</summary>
    public string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown, _pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
                { "p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "a", "code", "pre", "h2", "h3", "h4", "hr" },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "title" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href" },
        };
        var sanitizer = new HtmlSanitizer(options);
        sanitizer.AllowDataAttributes = false;
        // Links written by users leave the site without passing on our referrer or authority.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
                link.SetAttribute("rel", "nofollow ugc noopener");
        };
        return sanitizer;
    }
}
