using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Languages;

/// <summary>The switch on every page, the head's language facts, and links that stay in the page's language.</summary>
public class LanguageSwitchTests(DatabaseProvider provider) : AppTest(provider)
{
    private static string PathOf(string url) => new Uri(new Uri(PosaXApp.BaseUrl), url).PathAndQuery;

    private static IElement Switch(IHtmlDocument page) => page.QuerySelector("a[data-language-switch]")
        ?? throw new AssertionException("no language switch");

    [Test]
    public async Task The_switch_leads_to_the_same_page_and_query_in_the_other_language_and_back()
    {
        var (id, slug, artistSlug) = await EnglishPages.CreateWorkAsync(App);
        using var client = NewClient();
        foreach (var french in new[] { "/", "/oeuvres?q=masque&page=1", $"/oeuvres/{id}/{slug}", $"/artistes/{artistSlug}", "/a-propos", "/connexion" })
        {
            var page = await client.GetPageAsync(french);
            var toEnglish = Switch(page);
            Assert.Multiple(() =>
            {
                Assert.That(toEnglish.GetAttribute("hreflang"), Is.EqualTo("en"), french);
                Assert.That(toEnglish.GetAttribute("lang"), Is.EqualTo("en"), french);
                Assert.That(toEnglish.TextContent.Trim(), Is.EqualTo("English"), french);
            });
            var english = await client.GetPageAsync(toEnglish.GetAttribute("href")!);
            Assert.That(english.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"), french);
            var back = Switch(english);
            Assert.Multiple(() =>
            {
                Assert.That(back.GetAttribute("href"), Is.EqualTo(french), "back to the very page");
                Assert.That(back.GetAttribute("hreflang"), Is.EqualTo("fr"));
                Assert.That(back.GetAttribute("lang"), Is.EqualTo("fr"));
            });
        }
    }

    [Test]
    public async Task An_English_page_links_to_no_French_page()
    {
        var (id, slug, artistSlug) = await EnglishPages.CreateWorkAsync(App);
        using var client = NewClient();
        foreach (var english in new[] { "/en", "/en/artworks", $"/en/artworks/{id}/{slug}", $"/en/artists/{artistSlug}", "/en/artists", "/en/about", "/en/login", "/en/favourites" })
        {
            var page = await client.GetPageAsync(english);
            var french = page.QuerySelectorAll("a[href^='/']:not([hreflang]), form[action^='/']")
                .Select(e => e.GetAttribute(e.LocalName == "form" ? "action" : "href")!)
                .Where(u => PosaX.Web.Infrastructure.Web.LocalizedPaths.For(u, "en") != u)
                .ToList();
            Assert.That(french, Is.Empty, $"French page links on {english}");
            Assert.That(page.QuerySelectorAll("a[href^='/en']").Length, Is.GreaterThan(3), english);
        }
    }

    [Test]
    public async Task Each_language_has_its_canonical_hreflang_alternates_og_locale_and_json_ld_language()
    {
        var (id, slug, _) = await EnglishPages.CreateWorkAsync(App);
        using var client = NewClient();
        var fr = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        var en = await client.GetPageAsync($"/en/artworks/{id}/{slug}");
        string? Link(IHtmlDocument page, string selector) => page.QuerySelector(selector)?.GetAttribute("href") is { } href ? PathOf(href) : null;
        string? Meta(IHtmlDocument page, string property) => page.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");
        Assert.Multiple(() =>
        {
            Assert.That(Link(fr, "link[rel=canonical]"), Is.EqualTo($"/oeuvres/{id}/{slug}"));
            Assert.That(Link(en, "link[rel=canonical]"), Is.EqualTo($"/en/artworks/{id}/{slug}"));
            foreach (var page in new[] { fr, en })
            {
                Assert.That(Link(page, "link[rel=alternate][hreflang=fr]"), Is.EqualTo($"/oeuvres/{id}/{slug}"));
                Assert.That(Link(page, "link[rel=alternate][hreflang=en]"), Is.EqualTo($"/en/artworks/{id}/{slug}"));
                Assert.That(Link(page, "link[rel=alternate][hreflang=x-default]"), Is.EqualTo($"/oeuvres/{id}/{slug}"));
            }
            Assert.That(Meta(fr, "og:locale"), Is.EqualTo("fr_FR"));
            Assert.That(Meta(fr, "og:locale:alternate"), Is.EqualTo("en_GB"));
            Assert.That(Meta(en, "og:locale"), Is.EqualTo("en_GB"));
            Assert.That(Meta(en, "og:locale:alternate"), Is.EqualTo("fr_FR"));
            Assert.That(PathOf(Meta(en, "og:url")!), Is.EqualTo($"/en/artworks/{id}/{slug}"));
            Assert.That(fr.QuerySelector("script[type='application/ld+json']")!.TextContent, Does.Contain("\"inLanguage\":\"fr\""));
            var enJson = en.QuerySelector("script[type='application/ld+json']")!.TextContent;
            Assert.That(enJson, Does.Contain("\"inLanguage\":\"en\"").And.Contain($"/en/artworks/{id}/{slug}").And.Not.Contain($"/oeuvres/{id}/"));
        });
    }

    [Test]
    public async Task Noindex_pages_stay_noindex_in_English_and_an_unknown_English_page_is_an_English_404()
    {
        using var client = NewClient();
        foreach (var french in new[] { "/oeuvres?q=masque", "/oeuvres?q=zzzunknown", "/oeuvres?page=2", "/connexion", "/inscription", "/favoris", "/mot-de-passe-oublie" })
        {
            var english = PosaX.Web.Infrastructure.Web.LocalizedPaths.For(french, "en");
            string? Robots(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("meta[name=robots]")?.GetAttribute("content");
            Assert.That(Robots(await client.GetPageAsync(english)), Is.EqualTo(Robots(await client.GetPageAsync(french))), english);
        }
        var missing = await client.GetPageAsync("/en/artworks/999999999/nothing", HttpStatusCode.NotFound);
        Assert.That(missing.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"), "the error page of an English URL is English");
        Assert.That(missing.QuerySelector("meta[name=robots]")?.GetAttribute("content"), Does.StartWith("noindex"));
        Assert.That(missing.QuerySelector("a.brand")?.GetAttribute("href"), Is.EqualTo("/en"));
    }

    [Test]
    public async Task A_wrong_slug_on_an_English_work_page_is_put_right_in_English()
    {
        var (id, slug, _) = await EnglishPages.CreateWorkAsync(App);
        using var client = NewClient();
        using var response = await client.Http.GetAsync($"/en/artworks/{id}/old-slug");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MovedPermanently));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"/en/artworks/{id}/{slug}"));
    }

    [Test]
    public async Task Sitemaps_list_each_page_once_with_its_French_English_and_default_alternates()
    {
        var (id, slug, artistSlug) = await EnglishPages.CreateWorkAsync(App);
        using var client = NewClient();
        var sm = System.Xml.Linq.XNamespace.Get("http://www.sitemaps.org/schemas/sitemap/0.9");
        var xhtml = System.Xml.Linq.XNamespace.Get("http://www.w3.org/1999/xhtml");
        async Task<System.Xml.Linq.XElement> EntryAsync(string sitemap, string frenchPath)
        {
            var doc = System.Xml.Linq.XDocument.Parse(await client.Http.GetStringAsync(sitemap));
            return doc.Root!.Elements(sm + "url").Single(u => PathOf(u.Element(sm + "loc")!.Value) == frenchPath);
        }
        var index = System.Xml.Linq.XDocument.Parse(await client.Http.GetStringAsync("/sitemap.xml"));
        var worksSitemap = index.Root!.Elements(sm + "sitemap").Select(s => PathOf(s.Element(sm + "loc")!.Value))
            .Single(p => p == $"/sitemaps/oeuvres-{id / PosaX.Web.Features.Seo.SitemapEndpoints.UrlsPerSitemap}.xml");
        var artistsSitemap = (await Seo.ArtistSitemaps.ReadAllAsync(client))
            .Single(b => b.Xml.Contains($"/artistes/{artistSlug}<", StringComparison.Ordinal)).Path;
        foreach (var (sitemap, french, english) in new[]
                 {
                     ("/sitemaps/pages.xml", "/", "/en"), ("/sitemaps/pages.xml", "/a-propos", "/en/about"),
                     (artistsSitemap, $"/artistes/{artistSlug}", $"/en/artists/{artistSlug}"),
                     (worksSitemap, $"/oeuvres/{id}/{slug}", $"/en/artworks/{id}/{slug}"),
                 })
        {
            var alternates = (await EntryAsync(sitemap, french)).Elements(xhtml + "link")
                .ToDictionary(l => l.Attribute("hreflang")!.Value, l => PathOf(l.Attribute("href")!.Value));
            Assert.That(alternates, Is.EquivalentTo(new Dictionary<string, string> { ["fr"] = french, ["en"] = english, ["x-default"] = french }), french);
        }
    }
}
