using AngleSharp.Html.Parser;
using PosaX.Web.Infrastructure.Text;

namespace PosaX.Tests.Features.Infrastructure;

/// <summary>
/// Bios and descriptions skip the sanitiser when Markdig's output holds only bare allowed tags
/// (issue 17: it was 5.6% of a cold work page's CPU). These check that this fast path returns what the
/// sanitiser would (the same document), and that anything the sanitiser could change still goes through it.
/// </summary>
public class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    private static readonly string[] Plain =
    [
        "Une toile peinte à Douala, en 2024.",
        "Premier paragraphe.\n\nSecond, avec *de l’emphase*, **du gras** et ~~du barré~~ : « bien » !",
        "Ligne une\nligne deux",
        "- bois\n- bronze\n\n1. un\n2. deux",
        "> Une citation\n\n---\n\n## Titre\n\n### Sous-titre\n\n`code`",
        "Des \"guillemets\", une esperluette & des chevrons < et > écrits tels quels.",
        "Espaces insécables\u00a0: prix\u00a0!",
    ];

    private static readonly string[] NeedsSanitiser =
    [
        "[lien](javascript:alert(1))",
        "[site](https://example.org)",
        "https://example.org",
        "![image](https://example.org/x.png)",
        "# Un grand titre",
        "3. commence à trois",
        "```js\nalert(1)\n```",
    ];

    private static readonly string[] RawHtml =
    [
        "<script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">a</a>",
        "<img src=x onerror=alert(1)>",
    ];

    [TestCaseSource(nameof(Plain))]
    public void Plain_Markdown_takes_the_fast_path_and_gives_the_sanitisers_document(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.That(MarkdownRenderer.OnlyBareAllowedTags(html), Is.True, html);
        Assert.That(Document(html), Is.EqualTo(Document(_renderer.Sanitize(html))));
    }

    [TestCaseSource(nameof(NeedsSanitiser))]
    public void Links_images_attributes_and_other_tags_go_through_the_sanitiser(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.That(html, Does.Not.Contain("javascript:").And.Not.Contain("<script").And.Not.Contain("<img").And.Not.Contain("<h1"));
        Assert.That(html, Is.EqualTo(_renderer.Sanitize(html)), "the sanitiser's output, unchanged by a second pass");
        if (html.Contains("<a ")) Assert.That(html, Does.Contain("rel=\"nofollow ugc noopener\""));
    }

    [TestCaseSource(nameof(RawHtml))]
    public void Html_written_in_Markdown_is_escaped_text(string markdown)
    {
        var html = _renderer.ToHtml(markdown);

        Assert.That(html, Does.Not.Contain("<a").And.Not.Contain("<script").And.Not.Contain("<img"));
        Assert.That(Document(html), Is.EqualTo(Document(_renderer.Sanitize(html))));
    }

    [TestCase("<p>texte</p>", true)]
    [TestCase("<p>un<br />deux</p>\n<hr />", true)]
    [TestCase("<p class=\"x\">texte</p>", false)]
    [TestCase("<a href=\"https://example.org\">x</a>", false)]
    [TestCase("<h1>titre</h1>", false)]
    [TestCase("<img src=\"x\" />", false)]
    [TestCase("<p>a < b</p>", false)]
    public void Only_bare_allowed_tags_pass(string html, bool bare) =>
        Assert.That(MarkdownRenderer.OnlyBareAllowedTags(html), Is.EqualTo(bare));

    // The document as a browser builds it, written out again: text escaped one way or the other
    // (&quot; or ", &nbsp; or U+00A0) gives the same.
    private static string Document(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!.InnerHtml;
}
