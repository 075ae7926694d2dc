using System.Collections.Frozen;
using Markdig;

namespace PosaX.Web.Features.About;

/// <summary>
/// The trust and legal pages: one Markdown file each in Features/About/Pages, embedded in the
/// assembly (nothing to deploy beside it), rendered once at first use. The files are ours: HTML in
/// them is still disabled, but they need no sanitising.
/// </summary>
public static class InfoPages
{
    private static readonly Lazy<FrozenDictionary<string, string>> Html = new(() =>
    {
        var pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
        var assembly = typeof(InfoPages).Assembly;
        return AboutTexts.Pages.Keys.ToFrozenDictionary(slug => slug, slug =>
        {
            using var stream = assembly.GetManifestResourceStream($"PosaX.Web.Features.About.Pages.{slug}.md")
                ?? throw new InvalidOperationException($"Features/About/Pages/{slug}.md is not embedded.");
            using var reader = new StreamReader(stream);
            return Markdown.ToHtml(reader.ReadToEnd(), pipeline);
        });
    });

    public static string? HtmlOf(string slug) => Html.Value.GetValueOrDefault(slug);
}
