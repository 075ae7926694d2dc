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
}
