using System.Text.RegularExpressions;
using Ganss.Xss;
using Markdig;

namespace PosaX.Web.Infrastructure.Text;

/// <summary>
/// Bios and descriptions are Markdown written by users. Markdig's DisableHtml still lets
/// <c>[x](javascript:…)</c> through, so its output is also sanitised: only a few tags and
/// http, https and mailto links survive.
/// </summary>
/// <remarks>
/// The sanitiser parses and rewrites the whole HTML (AngleSharp): on a cold work page it was 5.6% of the
/// app's CPU and 6.7% of what it allocated (issue 17). Most descriptions are plain paragraphs, so it runs
/// only when Markdig's output holds something it could change: a tag outside the allowed ones, or any
/// attribute (links, images, code languages, list starts). With DisableHtml every "&lt;" a user writes is
/// escaped, so every tag in the output is Markdig's own; bare allowed tags are exactly what the sanitiser
/// would keep (MarkdownRendererTests compare both paths).
/// </remarks>
public sealed partial class MarkdownRenderer
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
        var html = Markdown.ToHtml(markdown, _pipeline);
        return OnlyBareAllowedTags(html) ? html : Sanitize(html);
    }

    /// <summary>What the sanitiser makes of <paramref name="html"/>: the slow path, always safe.</summary>
    public string Sanitize(string html) => _sanitizer.Sanitize(html);

    /// <summary>True when every tag of <paramref name="html"/> is an allowed one, without attributes.</summary>
    public static bool OnlyBareAllowedTags(string html)
    {
        foreach (Match tag in Tag().Matches(html))
            if (!BareTags.Contains(tag.Groups[1].Value)) return false;
        // Every "<" must have been a tag the pattern read (an attribute makes it not match).
        return html.AsSpan().Count('<') == Tag().Count(html);
    }

    // Tags that carry no URL and no attribute of their own; "a" is never bare (its href needs the sanitiser).
    private static readonly HashSet<string> BareTags = new(StringComparer.Ordinal)
        { "p", "br", "strong", "em", "del", "ul", "ol", "li", "blockquote", "code", "pre", "h2", "h3", "h4", "hr" };

    [GeneratedRegex("</?([a-z0-9]+) ?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

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
