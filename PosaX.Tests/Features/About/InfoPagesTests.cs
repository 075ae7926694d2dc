using PosaX.Tests.Infrastructure;
using PosaX.Web.Features.About;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.About;

/// <summary>The trust and legal pages: linked from every page's footer, each from its Markdown file, indexable.</summary>
public class InfoPagesTests(DatabaseProvider provider) : AppTest(provider)
{
    private static readonly string[] FooterPaths =
        ["/a-propos", "/comment-acheter", "/contact", "/mentions-legales", "/conditions-generales", "/confidentialite"];

    [Test]
    public async Task Every_page_has_a_footer_linking_the_trust_and_legal_pages()
    {
        using var client = NewClient();
        foreach (var url in new[] { "/", "/oeuvres", "/artistes", "/connexion", "/contact", "/a-propos", "/page-inconnue" })
        {
            var page = await client.GetPageAsync(url, url == "/page-inconnue" ? System.Net.HttpStatusCode.NotFound : System.Net.HttpStatusCode.OK);
            Assert.That(page.QuerySelectorAll("footer nav a").Select(a => a.GetAttribute("href")), Is.EqualTo(FooterPaths), url);
        }
    }

    [Test]
    public async Task Each_page_answers_with_its_own_heading_title_and_description_and_may_be_indexed()
    {
        using var client = NewClient();
        var titles = new List<string>();
        foreach (var path in FooterPaths)
        {
            var page = await client.GetPageAsync(path);
            titles.Add(page.Title!);
            Assert.Multiple(() =>
            {
                Assert.That(page.QuerySelectorAll("h1"), Has.Length.EqualTo(1), path);
                Assert.That(page.QuerySelector("meta[name=description]")?.GetAttribute("content")?.Length, Is.InRange(50, 160), path);
                Assert.That(page.QuerySelector("meta[name=robots]")?.GetAttribute("content") ?? "", Does.Not.Contain("noindex"), path);
                Assert.That(page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), Is.EqualTo(PosaXApp.BaseUrl + path), path);
                Assert.That(page.QuerySelector("main")!.TextContent.Length, Is.GreaterThan(300), path + " has real text");
            });
        }
        Assert.That(titles, Is.Unique);
    }

    [Test]
    public async Task The_pages_say_plainly_that_PosaX_holds_no_payment()
    {
        using var client = NewClient();
        foreach (var path in new[] { "/a-propos", "/comment-acheter", "/conditions-generales", "/mentions-legales" })
        {
            var text = (await client.GetPageAsync(path)).QuerySelector("main")!.TextContent;
            Assert.That(text, Does.Contain("aucun paiement").Or.Contain("n’encaisse aucun paiement"), path);
        }
    }

    [Test]
    public void Every_page_named_in_the_texts_has_its_Markdown_file()
    {
        foreach (var slug in AboutTexts.Pages.Keys)
            Assert.That(InfoPages.HtmlOf(slug), Does.Contain("<h2").Or.Contain("<p>"), slug);
    }
}
