using System.Collections.Frozen;
using Markdig;
using PosaX.Web.Infrastructure.Text;
using PosaX.Web.Infrastructure.Web;

namespace PosaX.Web.Features.About;

/// <summary>
/// The trust and legal pages: one Markdown file per page and language in Features/About/Pages (<c>a-propos.md</c>,
/// <c>a-propos.en.md</c>), embedded in the assembly (nothing to deploy beside it), rendered once at first use. The
/// files are ours: HTML in them is still disabled, but they need no sanitising.
/// </summary>
public static class InfoPages
{
    /// <summary>The pages' French slugs (their keys everywhere), in the footer's order; their English slugs are
    /// path words of <see cref="LocalizedPaths"/>' one table (a-propos → about).</summary>
    public static IReadOnlyList<string> Slugs { get; } =
        ["a-propos", "comment-acheter", "mentions-legales", "conditions-generales", "confidentialite"];

    /// <summary>A page's French slug from the slug of either language ("about" → "a-propos"), or null.</summary>
    public static string? PageOf(string? slug) =>
        slug is null ? null : Slugs.FirstOrDefault(s => s == slug || LocalizedPaths.EnglishWord(s) == slug);

    /// <summary>The English slug of a page ("a-propos" → "about").</summary>
    public static string EnglishSlug(string frenchSlug) => LocalizedPaths.EnglishWord(Slugs.Single(s => s == frenchSlug));

    private static readonly Lazy<FrozenDictionary<string, string>> Html = new(() =>
    {
        var pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
        var assembly = typeof(InfoPages).Assembly;
        return Slugs.SelectMany(slug => Languages.All.Select(language => FileName(slug, language))).ToFrozenDictionary(file => file, file =>
        {
            using var stream = assembly.GetManifestResourceStream($"PosaX.Web.Features.About.Pages.{file}")
                ?? throw new InvalidOperationException($"Features/About/Pages/{file} is not embedded.");
            using var reader = new StreamReader(stream);
            return Markdown.ToHtml(reader.ReadToEnd(), pipeline);
        });
    });

    /// <summary>"a-propos.md" (French), "a-propos.en.md" (English).</summary>
    private static string FileName(string slug, string language) => language == Languages.French ? slug + ".md" : $"{slug}.{language}.md";

    /// <summary>The page in the current language, by the slug of either language; null for no such page.</summary>
    public static string? HtmlOf(string slug) => HtmlOf(slug, Languages.Current);

    public static string? HtmlOf(string slug, string language) =>
        PageOf(slug) is { } page ? Html.Value.GetValueOrDefault(FileName(page, Languages.Normalize(language))) : null;
}
