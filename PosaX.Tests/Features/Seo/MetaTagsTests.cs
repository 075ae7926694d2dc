using System.Text.Json;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Data;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Seo;

/// <summary>Every public page type: title, description, one h1, canonical, Open Graph, Twitter, JSON-LD.</summary>
public class MetaTagsTests(DatabaseProvider provider) : AppTest(provider)
{
    private long _workId;
    private string _workPath = "";
    private string _artistPath = "";

    [OneTimeSetUp]
    public async Task PublishAWorkAsync()
    {
        var (client, email) = await Accounts.NewArtistAsync(App, "Mbarga Hélène");
        var profile = await client.SubmitAsync("/profil", "profile-form", new Dictionary<string, string>
        {
            ["name"] = "Mbarga Hélène", ["bio"] = "Sculptrice à **Douala**, bronze et bois.", ["whatsapp"] = "677 12 34 56",
            ["facebook"] = "facebook.com/helene.mbarga", ["instagram"] = "@helene_sculpte",
        });
        Assert.That(profile.Success, Is.True, profile.Message);
        client.Dispose();
        _workId = await SeedArtworks.CreateAsync(App, email, "Gardienne du seuil " + Guid.NewGuid().ToString("N")[..6], price: 480_000,
            category: "sculpture", heightCm: 120, widthCm: 40, depthCm: 30, description: "Bronze patiné, fonte à la cire perdue.", images: 2);
        var slugs = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == _workId).Select(a => new { a.Slug, Artist = a.Artist.Slug }).SingleAsync());
        _workPath = $"/oeuvres/{_workId}/{slugs.Slug}";
        _artistPath = "/artistes/" + slugs.Artist;
    }

    private static string? Meta(IHtmlDocument page, string selector) => page.QuerySelector(selector)?.GetAttribute("content");

    private static JsonElement JsonLd(IHtmlDocument page)
    {
        var blocks = page.QuerySelectorAll("script[type='application/ld+json']");
        Assert.That(blocks.Length, Is.EqualTo(1), "one JSON-LD block");
        return JsonDocument.Parse(blocks[0].TextContent).RootElement;
    }

    [TestCase("/")]
    [TestCase("/oeuvres")]
    [TestCase("/artistes")]
    [TestCase("WORK")]
    [TestCase("ARTIST")]
    public async Task An_indexable_public_page_has_complete_head_tags(string path)
    {
        path = path switch { "WORK" => _workPath, "ARTIST" => _artistPath, _ => path };
        using var client = NewClient();
        var page = await client.GetPageAsync(path);
        var description = Meta(page, "meta[name=description]");
        var canonical = page.QuerySelector("link[rel=canonical]")?.GetAttribute("href");
        Assert.Multiple(() =>
        {
            Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("fr"));
            Assert.That(page.Title, Is.Not.Empty);
            Assert.That(description, Has.Length.InRange(50, 160), description);
            Assert.That(page.QuerySelectorAll("h1").Length, Is.EqualTo(1));
            Assert.That(canonical, Is.EqualTo(PosaXApp.BaseUrl + path));
            Assert.That(Meta(page, "meta[property='og:url']"), Is.EqualTo(canonical));
            Assert.That(Meta(page, "meta[property='og:title']"), Is.Not.Empty);
            Assert.That(Meta(page, "meta[property='og:description']"), Is.EqualTo(description));
            Assert.That(Meta(page, "meta[property='og:type']"), Is.Not.Empty);
            Assert.That(Meta(page, "meta[property='og:image']"), Does.StartWith(PosaXApp.BaseUrl + "/"));
            Assert.That(Meta(page, "meta[property='og:image:width']"), Is.Not.Empty);
            Assert.That(Meta(page, "meta[property='og:image:height']"), Is.Not.Empty);
            Assert.That(Meta(page, "meta[name='twitter:card']"), Is.EqualTo("summary_large_image"));
            Assert.That(page.QuerySelector("meta[name=robots]"), Is.Null);
        });
    }

    [Test]
    public async Task Titles_of_public_pages_are_unique()
    {
        using var client = NewClient();
        var titles = new List<string>();
        foreach (var path in new[] { "/", "/oeuvres", "/artistes", _workPath, _artistPath })
            titles.Add((await client.GetPageAsync(path)).Title!);
        Assert.That(titles, Is.Unique);
    }

    [Test]
    public async Task A_work_page_describes_the_work_its_offer_and_its_breadcrumb_and_shares_its_1200x630_preview()
    {
        using var client = NewClient();
        var page = await client.GetPageAsync(_workPath);
        var graph = JsonLd(page).GetProperty("@graph").EnumerateArray().ToList();
        var work = graph.Single(n => n.GetProperty("@type").ValueKind == JsonValueKind.Array);
        var crumbs = graph.Single(n => n.GetProperty("@type").ValueKind == JsonValueKind.String && n.GetProperty("@type").GetString() == "BreadcrumbList");
        var offer = work.GetProperty("offers");
        Assert.Multiple(() =>
        {
            Assert.That(work.GetProperty("@type").EnumerateArray().Select(t => t.GetString()), Is.EqualTo(new[] { "Product", "VisualArtwork" }));
            Assert.That(work.GetProperty("name").GetString(), Does.StartWith("Gardienne du seuil"));
            Assert.That(work.GetProperty("image").EnumerateArray().Count(), Is.EqualTo(2));
            Assert.That(work.GetProperty("creator").GetProperty("name").GetString(), Is.EqualTo("Mbarga Hélène"));
            Assert.That(work.GetProperty("height").GetProperty("value").GetDouble(), Is.EqualTo(120));
            Assert.That(work.GetProperty("depth").GetProperty("unitCode").GetString(), Is.EqualTo("CMT"));
            Assert.That(offer.GetProperty("price").ValueKind, Is.EqualTo(JsonValueKind.Number));
            Assert.That(offer.GetProperty("price").GetRawText(), Is.EqualTo("480000"), "a whole number");
            Assert.That(offer.GetProperty("priceCurrency").GetString(), Is.EqualTo("XAF"));
            Assert.That(offer.GetProperty("availability").GetString(), Is.EqualTo("https://schema.org/InStock"));
            Assert.That(offer.GetProperty("seller").GetProperty("name").GetString(), Is.EqualTo("Mbarga Hélène"));
            Assert.That(crumbs.GetProperty("itemListElement").EnumerateArray().Select(i => i.GetProperty("name").GetString()),
                Is.EqualTo(new[] { "Accueil", "Sculpture", work.GetProperty("name").GetString() }));
            Assert.That(Meta(page, "meta[property='og:type']"), Is.EqualTo("product"));
            Assert.That(Meta(page, "meta[property='og:image']"), Does.EndWith("/og.jpg"));
            Assert.That(Meta(page, "meta[property='og:image:width']"), Is.EqualTo("1200"));
            Assert.That(Meta(page, "meta[property='og:image:height']"), Is.EqualTo("630"));
        });

        // The preview itself: a JPEG of 1200×630 under 300 KB.
        using var image = await client.Http.GetAsync(new Uri(Meta(page, "meta[property='og:image']")!).PathAndQuery);
        Assert.That(image.Content.Headers.ContentType?.MediaType, Is.EqualTo("image/jpeg"));
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Length, Is.LessThan(300 * 1024));
        using var decoded = NetVips.Image.NewFromBuffer(bytes);
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((1200, 630)));
    }

    [Test]
    public async Task A_sold_work_is_offered_as_sold_out()
    {
        var email = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == _workId).Select(a => a.Artist.Email!).SingleAsync());
        var sold = await SeedArtworks.CreateAsync(App, email, "Vendue déjà " + Guid.NewGuid().ToString("N")[..6], status: ArtworkStatus.Sold);
        var slug = await App.WithDbAsync(db => db.Artworks.Where(a => a.Id == sold).Select(a => a.Slug).SingleAsync());
        using var client = NewClient();
        var page = await client.GetPageAsync($"/oeuvres/{sold}/{slug}");
        var work = JsonLd(page).GetProperty("@graph").EnumerateArray().First();
        Assert.That(work.GetProperty("offers").GetProperty("availability").GetString(), Is.EqualTo("https://schema.org/SoldOut"));
    }

    [Test]
    public async Task An_artist_page_is_a_ProfilePage_about_a_Person_with_their_social_links()
    {
        using var client = NewClient();
        var ld = JsonLd(await client.GetPageAsync(_artistPath));
        var person = ld.GetProperty("mainEntity");
        Assert.Multiple(() =>
        {
            Assert.That(ld.GetProperty("@context").GetString(), Is.EqualTo("https://schema.org"));
            Assert.That(ld.GetProperty("@type").GetString(), Is.EqualTo("ProfilePage"));
            Assert.That(person.GetProperty("@type").GetString(), Is.EqualTo("Person"));
            Assert.That(person.GetProperty("name").GetString(), Is.EqualTo("Mbarga Hélène"));
            Assert.That(person.GetProperty("sameAs").EnumerateArray().Select(s => s.GetString()),
                Is.EqualTo(new[] { "https://www.facebook.com/helene.mbarga", "https://www.instagram.com/helene_sculpte" }));
            Assert.That(person.TryGetProperty("image", out _), Is.False, "no photo uploaded: no image rather than null");
        });
    }

    [Test]
    public async Task The_home_page_declares_the_site_and_its_search()
    {
        using var client = NewClient();
        var ld = JsonLd(await client.GetPageAsync("/"));
        Assert.That(ld.GetProperty("@type").GetString(), Is.EqualTo("WebSite"));
        var target = ld.GetProperty("potentialAction").GetProperty("target").GetProperty("urlTemplate").GetString();
        Assert.That(target, Is.EqualTo(PosaXApp.BaseUrl + "/oeuvres?q={search_term_string}"));
    }

    [Test]
    public async Task A_category_listing_is_its_own_canonical_page_and_a_search_points_at_the_listing_it_narrows()
    {
        using var client = NewClient();
        var category = await client.GetPageAsync("/oeuvres?categorie=sculpture&tri=prix-asc&prixMin=1000");
        Assert.That(category.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), Is.EqualTo(PosaXApp.BaseUrl + "/oeuvres?categorie=sculpture"));
        var search = await client.GetPageAsync("/oeuvres?q=bronze");
        Assert.That(search.QuerySelector("link[rel=canonical]")?.GetAttribute("href"), Is.EqualTo(PosaXApp.BaseUrl + "/oeuvres"));
        Assert.That(Meta(search, "meta[name=robots]"), Is.Null);
    }

    [TestCase("/connexion")]
    [TestCase("/inscription")]
    [TestCase("/mot-de-passe-oublie")]
    public async Task Private_pages_are_noindex_without_canonical(string path)
    {
        using var client = NewClient();
        var page = await client.GetPageAsync(path);
        Assert.That(Meta(page, "meta[name=robots]"), Does.Contain("noindex"));
        Assert.That(page.QuerySelector("link[rel=canonical]"), Is.Null);
    }
}
