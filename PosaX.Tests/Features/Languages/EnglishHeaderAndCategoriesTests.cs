using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using PosaX.Tests.Infrastructure;
using PosaX.Web.Infrastructure;

namespace PosaX.Tests.Features.Languages;

/// <summary>
/// What an English page says of the site's own words outside the texts: the header's heart leads to the English
/// favourites, and category names are English wherever a page shows one (French pages unchanged).
/// </summary>
public class EnglishHeaderAndCategoriesTests(DatabaseProvider provider) : AppTest(provider)
{
    [Test]
    public async Task The_header_heart_leads_to_the_favourites_in_the_page_language()
    {
        var (id, slug, artistSlug) = await EnglishPages.CreateWorkAsync(App);
        using var client = NewClient();
        foreach (var (url, expected) in new[]
        {
            ("/en", "/en/favourites"), ("/en/artworks", "/en/favourites"), ($"/en/artworks/{id}/{slug}", "/en/favourites"),
            ($"/en/artists/{artistSlug}", "/en/favourites"), ("/en/favourites", "/en/favourites"),
            ("/", "/favoris"), ("/oeuvres", "/favoris"), ($"/oeuvres/{id}/{slug}", "/favoris"),
        })
        {
            var page = await client.GetPageAsync(url);
            Assert.That(page.QuerySelector("header a.header-favourites")?.GetAttribute("href"), Is.EqualTo(expected), url);
        }
    }

    [Test]
    public async Task English_pages_name_categories_in_English_and_French_pages_as_the_admins_wrote_them()
    {
        // A painting and a work of a category created since (no English name): it keeps its French name.
        var (id, slug, _) = await EnglishPages.CreateWorkAsync(App);
        var newSlug = "cat-" + Guid.NewGuid().ToString("N")[..8];
        var newName = "Vannerie " + newSlug[4..];
        await App.WithDbAsync(async db =>
        {
            db.Categories.Add(new PosaX.Web.Data.Category { Slug = newSlug, Name = newName, SortOrder = 99 });
            return await db.SaveChangesAsync();
        });
        var (artist, email) = await Accounts.NewArtistAsync(App);
        artist.Dispose();
        await SeedArtworks.CreateAsync(App, email, "Panier " + newSlug, category: newSlug);
        using var client = NewClient();

        static List<string> Texts(IDocument page, string selector) => page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()).ToList();

        var catalogue = await client.GetPageAsync("/en/artworks");
        var home = await client.GetPageAsync("/en");
        var listing = await client.GetPageAsync("/en/artworks?categorie=peinture");
        var work = await client.GetPageAsync($"/en/artworks/{id}/{slug}");
        var ld = work.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Texts(catalogue, "a.chip"), Does.Contain("Painting").And.Contain(newName).And.Not.Contain("Peinture"), "catalogue chips");
            Assert.That(Texts(catalogue, "#f-categorie option"), Does.Contain("Painting").And.Contain("Digital art").And.Not.Contain("Peinture").And.Not.Contain("Art numérique"), "the filter");
            Assert.That(Texts(home, "a.chip"), Does.Contain("Painting").And.Not.Contain("Peinture"), "home");
            Assert.That(listing.QuerySelector("h1")?.TextContent.Trim(), Is.EqualTo("Paintings"), "a category's listing");
            Assert.That(listing.Title, Does.StartWith("Paintings for sale"));
            Assert.That(Texts(listing, ".active-filters a"), Has.Some.StartWith("Painting"), "the filter in force");
            Assert.That(Texts(work, "nav[aria-label] li a"), Does.Contain("Painting").And.Not.Contain("Peinture"), "the breadcrumb");
            Assert.That(Texts(work, "dd a"), Does.Contain("Painting"), "the work's facts");
            Assert.That(work.Title, Does.Contain(", painting by "));
            Assert.That(string.Concat(ld), Does.Contain("\"Painting\"").And.Not.Contain("\"Peinture\""), "structured data");
        });

        var french = await client.GetPageAsync("/oeuvres");
        var frenchListing = await client.GetPageAsync("/oeuvres?categorie=peinture");
        var frenchWork = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        Assert.Multiple(() =>
        {
            Assert.That(Texts(french, "a.chip"), Does.Contain("Peinture").And.Contain(newName).And.Not.Contain("Painting"));
            Assert.That(Texts(french, "#f-categorie option"), Does.Contain("Art numérique"));
            Assert.That(frenchListing.QuerySelector("h1")?.TextContent.Trim(), Is.EqualTo("Peintures"));
            Assert.That(Texts(frenchWork, "dd a"), Does.Contain("Peinture"));
            Assert.That(frenchWork.Title, Does.Contain(", peinture de "));
        });
    }

    [Test]
    public async Task A_category_shown_in_French_on_an_English_page_is_marked_French_and_a_translated_one_is_not()
    {
        var (paintingId, paintingSlug, _) = await EnglishPages.CreateWorkAsync(App);
        var newSlug = "cat-" + Guid.NewGuid().ToString("N")[..8];
        var newName = "Vannerie " + newSlug[4..];
        await App.WithDbAsync(async db =>
        {
            db.Categories.Add(new PosaX.Web.Data.Category { Slug = newSlug, Name = newName, SortOrder = 99 });
            return await db.SaveChangesAsync();
        });
        var (artist, email) = await Accounts.NewArtistAsync(App, "Awa Tresse");
        artist.Dispose();
        var id = await SeedArtworks.CreateAsync(App, email, "Panier " + newSlug, category: newSlug);
        var (slug, artistSlug) = await App.WithDbAsync(async db => (
            await db.Artworks.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync(),
            await db.Users.Where(u => u.Email == email).Select(u => u.Slug).SingleAsync()));
        using var client = NewClient();

        // The lang attribute of the element whose own text is the name (a span inside a heading or a sentence counts).
        static List<string?> LangsOf(IDocument page, string selector, string name) => page.QuerySelectorAll(selector)
            .SelectMany(e => e.QuerySelectorAll("span").Prepend(e))
            .Where(e => e.TextContent.Trim() == name).Select(e => e.GetAttribute("lang")).ToList();

        var catalogue = await client.GetPageAsync("/en/artworks");
        var listing = await client.GetPageAsync($"/en/artworks?categorie={newSlug}&artiste={artistSlug}");
        var empty = await client.GetPageAsync($"/en/artworks?categorie={newSlug}&q=zzqxw");
        var home = await client.GetPageAsync("/en");
        var work = await client.GetPageAsync($"/en/artworks/{id}/{slug}");
        var painting = await client.GetPageAsync($"/en/artworks/{paintingId}/{paintingSlug}");
        Assert.Multiple(() =>
        {
            Assert.That(LangsOf(catalogue, "a.chip", newName), Is.EqualTo(new[] { "fr" }), "the catalogue's chip");
            Assert.That(LangsOf(catalogue, "a.chip", "Painting"), Is.EqualTo(new string?[] { null }), "a translated chip");
            Assert.That(LangsOf(catalogue, "#f-categorie option", newName), Is.EqualTo(new[] { "fr" }), "the filter");
            Assert.That(LangsOf(catalogue, "#f-categorie option", "Painting"), Is.EqualTo(new string?[] { null }));
            Assert.That(LangsOf(home, "a.chip", newName), Is.EqualTo(new[] { "fr" }), "the home page's chip");
            Assert.That(listing.QuerySelector("h1")?.TextContent.Trim(), Is.EqualTo(newName + " by Awa Tresse"));
            Assert.That(LangsOf(listing, "h1", newName), Is.EqualTo(new[] { "fr" }), "the listing's heading: the name alone is French");
            Assert.That(listing.QuerySelector("h1")?.GetAttribute("lang"), Is.Null);
            Assert.That(LangsOf(listing, ".active-filters a", newName), Is.EqualTo(new[] { "fr" }), "the filter in force");
            Assert.That(LangsOf(empty, ".widen-list a", newName), Is.EqualTo(new[] { "fr" }), "\"Remove the filter …\"");
            Assert.That(empty.QuerySelector(".widen-list a span")?.ParentElement?.TextContent, Does.StartWith("Remove the filter"));
            Assert.That(LangsOf(work, "nav.breadcrumb a", newName), Is.EqualTo(new[] { "fr" }), "the breadcrumb");
            Assert.That(LangsOf(work, "dd a", newName), Is.EqualTo(new[] { "fr" }), "the work's facts");
            Assert.That(LangsOf(painting, "nav.breadcrumb a", "Painting"), Is.EqualTo(new string?[] { null }), "a translated breadcrumb");
            Assert.That(LangsOf(painting, "dd a", "Painting"), Is.EqualTo(new string?[] { null }));
        });

        // French pages: the name is in the page's language, nothing to mark.
        var french = await client.GetPageAsync("/oeuvres");
        var frenchWork = await client.GetPageAsync($"/oeuvres/{id}/{slug}");
        Assert.Multiple(() =>
        {
            Assert.That(LangsOf(french, "a.chip", newName), Is.EqualTo(new string?[] { null }));
            Assert.That(LangsOf(frenchWork, "dd a", newName), Is.EqualTo(new string?[] { null }));
        });
    }
}
